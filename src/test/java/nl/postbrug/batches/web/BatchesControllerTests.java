package nl.postbrug.batches.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import nl.postbrug.batches.BatchStatus;
import nl.postbrug.batches.BatchView;
import nl.postbrug.batches.Batches;
import nl.postbrug.batches.printer.PrinterUnavailable;
import nl.postbrug.registry.Facility;
import nl.postbrug.registry.OutOfScope;
import nl.postbrug.registry.PostbrugUser;
import nl.postbrug.registry.Registry;
import nl.postbrug.registry.Role;
import nl.postbrug.registry.security.PostbrugWebSecurity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static nl.postbrug.support.Problems.forbidden;
import static nl.postbrug.support.Problems.problem;
import static nl.postbrug.support.Problems.unauthorized;
import static nl.postbrug.support.Users.as;
import static nl.postbrug.support.Users.anna;
import static nl.postbrug.support.Users.staff;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The batch API's HTTP contract: who may call what, and how each refusal of the batches
 * module reads as a problem document.
 */
@WebMvcTest(BatchesController.class)
@PostbrugWebSecurity
class BatchesControllerTests {

	static final Facility PIA = new Facility(1, "PIA", "PI Amsterdam", ZoneId.of("Europe/Amsterdam"), null);

	@Autowired
	MockMvc mvc;

	@MockitoBean
	Batches batches;

	@MockitoBean
	Registry registry;

	static BatchView batch(long id, BatchStatus status) {
		return new BatchView(id, PIA.id(), PIA.code(), "2026-12-01T07:00Z", "PIA-1", status, 2, 3, null,
				Instant.parse("2026-12-01T07:00:00Z"), null, null, 0, null, null, null, null, null, null, null);
	}

	@Test
	void postroomRunsABatchNowAndIsToldWhereItIs() throws Exception {
		given(registry.facility("PIA")).willReturn(Optional.of(PIA));
		given(batches.runNow(eq(PIA), any())).willReturn(batch(5, BatchStatus.PRINTED));
		mvc.perform(post("/api/v1/facilities/PIA/batches").with(as(staff(Role.POSTROOM))))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", "/api/v1/batches/5"))
			.andExpect(jsonPath("$.id").value(5))
			.andExpect(jsonPath("$.facility").value("PIA"))
			.andExpect(jsonPath("$.letters").value(2))
			.andExpect(jsonPath("$.pages").value(3))
			.andExpect(jsonPath("$.status").value("PRINTED"));
	}

	@Test
	void aFacilityAdministratorMayRunABatchToo() throws Exception {
		given(registry.facility("PIA")).willReturn(Optional.of(PIA));
		given(batches.runNow(eq(PIA), any())).willReturn(batch(6, BatchStatus.ASSEMBLED));
		mvc.perform(post("/api/v1/facilities/PIA/batches").with(as(staff(Role.FACILITY_ADMIN))))
			.andExpect(status().isCreated());
	}

	@Test
	void anUnknownFacilityIsNotFound() throws Exception {
		given(registry.facility("NOPE")).willReturn(Optional.empty());
		mvc.perform(post("/api/v1/facilities/NOPE/batches").with(as(staff(Role.POSTROOM))))
			.andExpect(
					problem(404, "Niet gevonden", "Inrichting NOPE bestaat niet of hoort niet bij uw inrichtingen."));
		verifyNoInteractions(batches);
	}

	@Test
	void aFacilityOutsideTheStaffMembersOwnIsNotFound() throws Exception {
		given(registry.facility("PIA")).willReturn(Optional.of(PIA));
		given(batches.runNow(eq(PIA), any())).willThrow(new OutOfScope(OutOfScope.Kind.FACILITY, "PIA"));
		mvc.perform(post("/api/v1/facilities/PIA/batches").with(as(staff(Role.POSTROOM))))
			.andExpect(problem(404, "Niet gevonden", "Inrichting PIA bestaat niet of hoort niet bij uw inrichtingen."));
	}

	@Test
	void anUnreachablePrinterIs503() throws Exception {
		given(registry.facility("PIA")).willReturn(Optional.of(PIA));
		given(batches.runNow(eq(PIA), any()))
			.willThrow(new PrinterUnavailable("printer ipp://printer.example/ipp/print did not answer", null));
		mvc.perform(post("/api/v1/facilities/PIA/batches").with(as(staff(Role.POSTROOM))))
			.andExpect(problem(503, "Printer niet beschikbaar", "De printer antwoordt niet of weigert de opdracht."));
	}

	@Test
	void aBatchIsShownWithItsLetters() throws Exception {
		given(batches.get(eq(5L), any())).willReturn(batch(5, BatchStatus.PRINTED));
		given(batches.items(5))
			.willReturn(List.of(new BatchView.Item(11, "PB-AAAAA-AAAAA-A", UUID.randomUUID(), "1000000001", 1)));
		mvc.perform(get("/api/v1/batches/5").with(as(staff(Role.FACILITY_ADMIN))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("PRINTED"))
			.andExpect(jsonPath("$.items[0].code").value("PB-AAAAA-AAAAA-A"))
			.andExpect(jsonPath("$.items[0].prisoner").value("1000000001"));
	}

	@Test
	void aBatchIdThatIsNotANumberIsABadRequest() throws Exception {
		mvc.perform(get("/api/v1/batches/first").with(as(staff(Role.POSTROOM))))
			.andExpect(problem(400, "Gegevens niet aangenomen"));
		mvc.perform(post("/api/v1/letters/x/reprint").with(as(staff(Role.POSTROOM))))
			.andExpect(problem(400, "Gegevens niet aangenomen"));
		verifyNoInteractions(batches);
	}

	@Test
	void anUnknownOrForeignBatchIsNotFound() throws Exception {
		given(batches.get(eq(999999L), any())).willThrow(new OutOfScope(OutOfScope.Kind.BATCH, 999999));
		mvc.perform(get("/api/v1/batches/999999").with(as(staff(Role.POSTROOM))))
			.andExpect(
					problem(404, "Niet gevonden", "Drukronde 999999 bestaat niet of hoort niet bij uw inrichtingen."));
		mvc.perform(get("/api/v1/batches/999999/pdf").with(as(staff(Role.POSTROOM))))
			.andExpect(problem(404, "Niet gevonden"));
	}

	@Test
	void theBatchPdfIsADownloadNamedAfterFacilityAndBatch(@TempDir Path dir) throws Exception {
		Path pdf = Files.write(dir.resolve("batch.pdf"), "%PDF-1.7".getBytes());
		BatchView batch = batch(5, BatchStatus.PRINTED);
		given(batches.get(eq(5L), any())).willReturn(batch);
		given(batches.pdf(batch)).willReturn(pdf);
		mvc.perform(get("/api/v1/batches/5/pdf").with(as(staff(Role.POSTROOM))))
			.andExpect(status().isOk())
			.andExpect(content().contentType(MediaType.APPLICATION_PDF))
			.andExpect(header().string("Content-Disposition", containsString("PIA-batch-5.pdf")));
	}

	@Test
	void printingAgainWhatCannotBePrintedNowIsAConflict() throws Exception {
		given(batches.printAgain(eq(5L), any()))
			.willThrow(new Batches.CannotReprint("batches.cannot.not-waiting", "Batch 5 is PRINTED", 5L));
		mvc.perform(post("/api/v1/batches/5/print").with(as(staff(Role.POSTROOM))))
			.andExpect(problem(409, "Dat kan nu niet", "Drukronde 5 wacht niet op de printer."));
		given(batches.markPrintedByHand(eq(5L), any()))
			.willThrow(new Batches.CannotReprint("batches.cannot.not-waiting", "Batch 5 is PRINTED", 5L));
		mvc.perform(post("/api/v1/batches/5/printed-by-hand").with(as(staff(Role.POSTROOM))))
			.andExpect(problem(409, "Dat kan nu niet"));
	}

	@Test
	void aReprintAnswersTheNewCopysCode() throws Exception {
		given(batches.reprint(eq(11L), any())).willReturn("PB-BBBBB-BBBBB-B");
		mvc.perform(post("/api/v1/letters/11/reprint").with(as(staff(Role.POSTROOM))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.letter").value(11))
			.andExpect(jsonPath("$.code").value("PB-BBBBB-BBBBB-B"));
	}

	@Test
	void aReprintOfALetterThatCannotBeHandedOverIsAConflict() throws Exception {
		given(batches.reprint(eq(11L), any()))
			.willThrow(new Batches.CannotReprint("batches.cannot.letter-handed-over", "Message was delivered", 11L));
		mvc.perform(post("/api/v1/letters/11/reprint").with(as(staff(Role.POSTROOM))))
			.andExpect(problem(409, "Dat kan nu niet", "Brief 11 kan niet opnieuw worden afgedrukt"));
		given(batches.reprint(eq(12L), any())).willThrow(new OutOfScope(OutOfScope.Kind.LETTER, 12));
		mvc.perform(post("/api/v1/letters/12/reprint").with(as(staff(Role.POSTROOM))))
			.andExpect(problem(404, "Niet gevonden"));
	}

	@Test
	void withoutCredentialsEveryEndpointIs401() throws Exception {
		mvc.perform(post("/api/v1/facilities/PIA/batches")).andExpect(unauthorized());
		mvc.perform(get("/api/v1/batches/5")).andExpect(unauthorized());
		mvc.perform(get("/api/v1/batches/5/pdf")).andExpect(unauthorized());
		mvc.perform(post("/api/v1/batches/5/print")).andExpect(unauthorized());
		mvc.perform(post("/api/v1/batches/5/printed-by-hand")).andExpect(unauthorized());
		mvc.perform(post("/api/v1/letters/11/reprint")).andExpect(unauthorized());
		verifyNoInteractions(batches, registry);
	}

	@Test
	void relativesScreenersAndAuditorsAreForbidden() throws Exception {
		for (PostbrugUser user : List.of(anna(), staff(Role.SCREENER), staff(Role.AUDITOR))) {
			mvc.perform(post("/api/v1/facilities/PIA/batches").with(as(user))).andExpect(forbidden());
			mvc.perform(get("/api/v1/batches/5").with(as(user))).andExpect(forbidden());
			mvc.perform(get("/api/v1/batches/5/pdf").with(as(user))).andExpect(forbidden());
			mvc.perform(post("/api/v1/batches/5/print").with(as(user))).andExpect(forbidden());
			mvc.perform(post("/api/v1/batches/5/printed-by-hand").with(as(user))).andExpect(forbidden());
			mvc.perform(post("/api/v1/letters/11/reprint").with(as(user))).andExpect(forbidden());
		}
		verifyNoInteractions(batches, registry);
	}

	@Test
	void onlyPostroomStaffReprintALetter() throws Exception {
		mvc.perform(post("/api/v1/letters/11/reprint").with(as(staff(Role.FACILITY_ADMIN)))).andExpect(forbidden());
		verifyNoInteractions(batches);
	}

}
