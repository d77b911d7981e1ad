package nl.postbrug.delivery.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;

import nl.postbrug.delivery.Delivery;
import nl.postbrug.delivery.ScanOutcome;
import nl.postbrug.intake.IllegalTransition;
import nl.postbrug.intake.MessageStatus;
import nl.postbrug.registry.PostbrugUser;
import nl.postbrug.registry.Role;
import nl.postbrug.registry.security.PostbrugWebSecurity;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static nl.postbrug.delivery.web.ScanControllerTests.JAN;
import static nl.postbrug.support.Users.allBut;
import static nl.postbrug.support.Users.as;
import static nl.postbrug.support.Users.staff;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The hand-over desk's HTTP contract: postroom only, CSRF on the scan form, and every
 * answer (also a refusal) is the scan page again with the field ready for the next code.
 */
@WebMvcTest(ScanPage.class)
@PostbrugWebSecurity
class ScanPageTests {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	Delivery delivery;

	@MockitoBean
	nl.postbrug.delivery.BulkScans bulk;

	@MockitoBean
	nl.postbrug.delivery.CameraFrames camera;

	@Test
	void theFormIsReadyForTheScanner() throws Exception {
		mvc.perform(get("/postroom/scan").accept(MediaType.TEXT_HTML).with(as(staff(Role.POSTROOM))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("autofocus")))
			.andExpect(content().string(containsString("name=\"_csrf\"")));
	}

	@Test
	void aScanShowsTheOutcomeAndThePrisoner() throws Exception {
		given(delivery.scan(eq("PB-AAAAA-AAAAA-A"), any()))
			.willReturn(new Delivery.Scan(ScanOutcome.DELIVERED, 11L, UUID.randomUUID(), JAN));
		mvc.perform(
				post("/postroom/scan").param("code", "PB-AAAAA-AAAAA-A").with(as(staff(Role.POSTROOM))).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("outcome-ok")))
			.andExpect(content().string(containsString(">OVERHANDIGD<")))
			.andExpect(content().string(containsString("Jan de Vries")))
			.andExpect(content().string(containsString("B-2.01")))
			.andExpect(content().string(containsString("Deze ronde: 1 gescand")))
			.andExpect(content().string(containsString("autofocus")));
	}

	@Test
	void thePageSpeaksEnglishWhenAskedAndCountsTheRoundOn() throws Exception {
		given(delivery.scan(eq("PB-AAAAA-AAAAA-A"), any()))
			.willReturn(new Delivery.Scan(ScanOutcome.DELIVERED, 11L, UUID.randomUUID(), JAN));
		mvc.perform(post("/postroom/scan").param("code", "PB-AAAAA-AAAAA-A")
			.param("round", "41")
			.header("Accept-Language", "en")
			.with(as(staff(Role.POSTROOM)))
			.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(">DELIVERED<")))
			.andExpect(content().string(containsString("This round: 42 scanned")))
			.andExpect(content().string(containsString("lang=\"en\"")));
	}

	@Test
	void theScriptGetsTheSameAnswerAsJsonInTheOfficersWords() throws Exception {
		given(delivery.scan(eq("PB-AAAAA-AAAAA-A"), any()))
			.willReturn(new Delivery.Scan(ScanOutcome.FORWARD, 11L, UUID.randomUUID(), JAN, null, null, "PIV"));
		mvc.perform(post("/postroom/scan").param("code", "PB-AAAAA-AAAAA-A")
			.param("round", "2")
			.accept(MediaType.APPLICATION_JSON)
			.with(as(staff(Role.POSTROOM)))
			.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.outcome").value("FORWARD"))
			.andExpect(jsonPath("$.tone").value("warn"))
			.andExpect(jsonPath("$.title").value("DOORSTUREN"))
			.andExpect(jsonPath("$.advice").value(containsString("papiervernietiger")))
			.andExpect(jsonPath("$.detail").value("Nieuwe inrichting: PIV."))
			.andExpect(jsonPath("$.prisoner.cell").value("B-2.01"))
			.andExpect(jsonPath("$.round").value(3));
		mvc.perform(post("/postroom/scan").param("code", " ")
			.accept(MediaType.APPLICATION_JSON)
			.with(as(staff(Role.POSTROOM)))
			.with(csrf())).andExpect(status().isBadRequest()).andExpect(jsonPath("$.problem").isNotEmpty());
		given(delivery.scan(eq("bad"), any())).willThrow(new IllegalArgumentException("not a Postbrug code"));
		mvc.perform(post("/postroom/scan").param("code", "bad")
			.accept(MediaType.APPLICATION_JSON)
			.with(as(staff(Role.POSTROOM)))
			.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.problem").value(containsString("not a Postbrug code")));
		mvc.perform(post("/postroom/scan").param("code", "PB-AAAAA-AAAAA-A")
			.accept(MediaType.APPLICATION_JSON)
			.with(as(staff(Role.POSTROOM)))).andExpect(status().isForbidden());
	}

	@Test
	void aSecondScanSaysWhenOnTheClockOfTheLettersFacility() throws Exception {
		// a facility on Bonaire: the hand-over at 09:15 UTC was at 05:15 in its postroom
		ZonedDateTime handedOver = Instant.parse("2026-12-01T09:15:00Z").atZone(ZoneId.of("America/Kralendijk"));
		given(delivery.scan(eq("PB-AAAAA-AAAAA-A"), any())).willReturn(new Delivery.Scan(ScanOutcome.ALREADY_DELIVERED,
				11L, UUID.randomUUID(), JAN, handedOver, "postroom", null));
		mvc.perform(post("/postroom/scan").param("code", "PB-AAAAA-AAAAA-A")
			.header("Accept-Language", "en")
			.accept(MediaType.APPLICATION_JSON)
			.with(as(staff(Role.POSTROOM)))
			.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.detail").value(containsString("5:15")))
			.andExpect(jsonPath("$.detail").value(containsString("by postroom")));
	}

	@Test
	void aBulkUploadListsEveryCodeWithItsOutcomeOrSaysWhyNothingWasRecorded() throws Exception {
		given(bulk.confirm(any(), any())).willReturn(new nl.postbrug.delivery.BulkScans.Report(3, 1,
				List.of(new nl.postbrug.delivery.BulkScans.Result("PB-AAAAA-AAAAA-A", ScanOutcome.DELIVERED),
						new nl.postbrug.delivery.BulkScans.Result("PB-BBBBB-BBBBB-B", ScanOutcome.VOID_COPY))));
		org.springframework.mock.web.MockMultipartFile pdf = new org.springframework.mock.web.MockMultipartFile("file",
				"scan.pdf", "application/pdf", "%PDF-1.7".getBytes());
		mvc.perform(multipart("/postroom/scan/bulk").file(pdf).with(as(staff(Role.POSTROOM))).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(containsString("3 bladzijden gelezen, 2 codes vastgelegd, 1 bladzijde zonder code.")))
			.andExpect(content().string(containsString("PB-BBBBB-BBBBB-B")))
			.andExpect(content().string(containsString("ONGELDIG EXEMPLAAR")));
		given(bulk.confirm(any(), any()))
			.willThrow(new nl.postbrug.letters.ScannedPages.Refused("scan.not-a-scan", "no"));
		mvc.perform(multipart("/postroom/scan/bulk").file(pdf).with(as(staff(Role.POSTROOM))).with(csrf()))
			.andExpect(content().string(containsString("Alleen een PDF, PNG of JPEG kan worden gelezen")));
		mvc.perform(multipart("/postroom/scan/bulk").file(pdf).with(as(staff(Role.POSTROOM))))
			.andExpect(status().isForbidden());
		mvc.perform(multipart("/postroom/scan/bulk").file(pdf).with(as(staff(Role.SCREENER))).with(csrf()))
			.andExpect(status().isForbidden());
	}

	@Test
	void thePageHasNoInlineScript() throws Exception {
		mvc.perform(get("/postroom/scan").accept(MediaType.TEXT_HTML).with(as(staff(Role.POSTROOM))))
			.andExpect(content().string(containsString("<script src=\"/js/scan.js\" defer></script>")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("<script>"))))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("onclick"))));
	}

	@Test
	void anEmptyScanAsksForTheCode() throws Exception {
		for (String code : new String[] { null, "", "   " }) {
			var request = post("/postroom/scan").with(as(staff(Role.POSTROOM))).with(csrf());
			if (code != null) {
				request.param("code", code);
			}
			mvc.perform(request)
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("Er is niets gescand")));
		}
		verifyNoInteractions(delivery);
	}

	@Test
	void aScanThatCannotBeRecordedSaysWhyOnTheScanPage() throws Exception {
		given(delivery.scan(eq("garbage"), any())).willThrow(new IllegalArgumentException("not a Postbrug code"));
		mvc.perform(post("/postroom/scan").param("code", "garbage").with(as(staff(Role.POSTROOM))).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("De scan kon niet worden vastgelegd: not a Postbrug code")))
			.andExpect(content().string(containsString("autofocus")));
		UUID id = UUID.randomUUID();
		given(delivery.scan(eq("late"), any()))
			.willThrow(new IllegalTransition(id, MessageStatus.REJECTED, MessageStatus.DELIVERED));
		mvc.perform(post("/postroom/scan").param("code", "late").with(as(staff(Role.POSTROOM))).with(csrf()))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("kan daarom niet ‘Bezorgd’ worden")));
	}

	@Test
	void theScanFormNeedsItsCsrfToken() throws Exception {
		mvc.perform(post("/postroom/scan").param("code", "PB-AAAAA-AAAAA-A").with(as(staff(Role.POSTROOM))))
			.andExpect(status().isForbidden());
		verifyNoInteractions(delivery);
	}

	@Test
	void withoutSignInThePageSendsToTheLoginForm() throws Exception {
		mvc.perform(get("/postroom/scan")).andExpect(redirectedUrl("/login"));
	}

	@Test
	void everyRoleButPostroomIsForbidden() throws Exception {
		for (PostbrugUser user : allBut(Role.POSTROOM)) {
			mvc.perform(get("/postroom/scan").with(as(user))).andExpect(status().isForbidden());
			mvc.perform(post("/postroom/scan").param("code", "x").with(as(user)).with(csrf()))
				.andExpect(status().isForbidden());
		}
		verifyNoInteractions(delivery);
	}

}
