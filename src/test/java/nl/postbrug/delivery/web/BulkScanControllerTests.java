package nl.postbrug.delivery.web;

import java.util.List;

import nl.postbrug.delivery.BulkScans;
import nl.postbrug.delivery.ScanOutcome;
import nl.postbrug.letters.ScannedPages;
import nl.postbrug.registry.PostbrugUser;
import nl.postbrug.registry.Role;
import nl.postbrug.registry.security.PostbrugWebSecurity;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static nl.postbrug.support.Problems.forbidden;
import static nl.postbrug.support.Problems.problem;
import static nl.postbrug.support.Problems.unauthorized;
import static nl.postbrug.support.Users.allBut;
import static nl.postbrug.support.Users.as;
import static nl.postbrug.support.Users.staff;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Bulk confirmation over HTTP: the report per code, refusals as problems, roles. */
@WebMvcTest(BulkScanController.class)
@PostbrugWebSecurity
class BulkScanControllerTests {

	static final MockMultipartFile FILE = new MockMultipartFile("file", "scan.pdf", "application/pdf",
			"%PDF-1.7".getBytes());

	@Autowired
	MockMvc mvc;

	@MockitoBean
	BulkScans bulk;

	@MockitoBean
	nl.postbrug.delivery.Delivery delivery;

	@Test
	void everyCodeReadIsReportedWithItsOutcome() throws Exception {
		given(bulk.confirm(any(), any())).willReturn(
				new BulkScans.Report(2, 0, List.of(new BulkScans.Result("PB-AAAAA-AAAAA-A", ScanOutcome.DELIVERED),
						new BulkScans.Result("PB-BBBBB-BBBBB-B", ScanOutcome.RETURN))));
		mvc.perform(multipart("/api/v1/scans/bulk").file(FILE).with(as(staff(Role.POSTROOM))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.pages").value(2))
			.andExpect(jsonPath("$.results[0].code").value("PB-AAAAA-AAAAA-A"))
			.andExpect(jsonPath("$.results[0].outcome").value("DELIVERED"))
			.andExpect(jsonPath("$.results[1].outcome").value("RETURN"));
	}

	@Test
	void aRefusedFileIsAProblemThatNamesWhy() throws Exception {
		given(bulk.confirm(any(), any()))
			.willThrow(new ScannedPages.Refused("scan.page-too-large", "Page 2 is too large to read", 2));
		mvc.perform(multipart("/api/v1/scans/bulk").file(FILE).with(as(staff(Role.POSTROOM))))
			.andExpect(problem(413, "Scan niet gelezen", "Pagina 2 is te groot om te lezen."))
			.andExpect(jsonPath("$.code").value("scan.page-too-large"));
		willThrow(new ScannedPages.Refused("scan.not-a-scan", "Only a PDF")).given(bulk).confirm(any(), any());
		mvc.perform(multipart("/api/v1/scans/bulk").file(FILE).with(as(staff(Role.POSTROOM))))
			.andExpect(problem(400, "Scan niet gelezen", "Er is niets vastgelegd."));
	}

	@Test
	void aMissingFileIsABadRequest() throws Exception {
		mvc.perform(multipart("/api/v1/scans/bulk").with(as(staff(Role.POSTROOM))))
			.andExpect(problem(400, "Scan niet begrepen", "Het bestand ontbreekt."));
		verifyNoInteractions(bulk);
	}

	@Test
	void onlyPostroomAndOnlySignedIn() throws Exception {
		mvc.perform(multipart("/api/v1/scans/bulk").file(FILE)).andExpect(unauthorized());
		for (PostbrugUser user : allBut(Role.POSTROOM)) {
			mvc.perform(multipart("/api/v1/scans/bulk").file(FILE).with(as(user))).andExpect(forbidden());
		}
		verifyNoInteractions(bulk);
	}

}
