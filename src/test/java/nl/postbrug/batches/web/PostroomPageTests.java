package nl.postbrug.batches.web;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import nl.postbrug.batches.BatchSlots;
import nl.postbrug.batches.BatchStatus;
import nl.postbrug.batches.BatchView;
import nl.postbrug.batches.Batches;
import nl.postbrug.batches.PurgedContent;
import nl.postbrug.batches.printer.PrinterUnavailable;
import nl.postbrug.registry.OutOfScope;
import nl.postbrug.registry.PostbrugUser;
import nl.postbrug.registry.Registry;
import nl.postbrug.registry.Role;
import nl.postbrug.registry.security.PostbrugWebSecurity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static nl.postbrug.batches.web.BatchesControllerTests.PIA;
import static nl.postbrug.batches.web.BatchesControllerTests.batch;
import static nl.postbrug.support.Users.anna;
import static nl.postbrug.support.Users.as;
import static nl.postbrug.support.Users.staff;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The postroom pages' HTTP contract: roles, CSRF on every form, refusals shown as a
 * readable page or as the reason on the batch page, Dutch unless English is asked for.
 */
@WebMvcTest(PostroomPage.class)
@PostbrugWebSecurity
class PostroomPageTests {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	Batches batches;

	@MockitoBean
	Registry registry;

	@MockitoBean
	BatchSlots slots;

	@BeforeEach
	void onePrisonFacility() {
		given(slots.next(PIA)).willReturn(new BatchSlots.NextSlot(Optional.empty(), 0));
		given(registry.facilities()).willReturn(List.of(PIA));
		given(registry.facility("PIA")).willReturn(Optional.of(PIA));
		given(registry.facility(PIA.id())).willReturn(PIA);
	}

	@Test
	void postroomAndAdministratorsSeeTheBatchesOfTheirFacilities() throws Exception {
		given(batches.recent(PIA.id(), 20)).willReturn(List.of(batch(5, BatchStatus.PRINTED)));
		for (PostbrugUser user : List.of(staff(Role.POSTROOM), staff(Role.FACILITY_ADMIN))) {
			mvc.perform(get("/postroom").accept(MediaType.TEXT_HTML).with(as(user)))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("<html lang=\"nl\"")))
				.andExpect(content().string(containsString("<title>Drukrondes · Postbrug</title>")))
				.andExpect(content().string(containsString("Nu een drukronde maken")))
				.andExpect(content().string(containsString("PIA")))
				.andExpect(content().string(containsString("#5")))
				.andExpect(content().string(containsString(">Afgedrukt</span>")))
				.andExpect(content().string(containsString("class=\"status batch-printed\"")))
				.andExpect(content().string(not(containsString(">PRINTED<"))));
		}
	}

	@Test
	void thePostroomPageIsInEnglishWhenAskedFor() throws Exception {
		given(batches.recent(PIA.id(), 20)).willReturn(List.of(batch(5, BatchStatus.PRINT_FAILED)));
		mvc.perform(get("/postroom").accept(MediaType.TEXT_HTML)
			.header("Accept-Language", "en")
			.with(as(staff(Role.POSTROOM))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<html lang=\"en\"")))
			.andExpect(content().string(containsString("<h1>Batches</h1>")))
			.andExpect(content().string(containsString("Run batch now")))
			.andExpect(content().string(containsString(">Print failed</span>")))
			.andExpect(content().string(containsString("Next batch: no scheduled batch · no letters waiting")))
			.andExpect(content().string(not(containsString("Drukronde"))));
	}

	@Test
	void eachFacilityShowsItsNextBatchInItsOwnTimeAndTheLettersWaiting() throws Exception {
		// 06:00 UTC is 07:00 in Amsterdam in December.
		given(slots.next(PIA))
			.willReturn(new BatchSlots.NextSlot(Optional.of(Instant.parse("2026-12-02T06:00:00Z")), 3));
		mvc.perform(get("/postroom").accept(MediaType.TEXT_HTML).with(as(staff(Role.POSTROOM))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Volgende drukronde: wo 2 dec., 07:00 · 3 brieven wachten")));
		given(slots.next(PIA)).willReturn(new BatchSlots.NextSlot(Optional.empty(), 1));
		mvc.perform(get("/postroom").accept(MediaType.TEXT_HTML).with(as(staff(Role.POSTROOM))))
			.andExpect(content().string(containsString("Volgende drukronde: geen geplande drukronde · 1 brief wacht")));
	}

	@Test
	void withoutSignInThePagesSendToTheLoginForm() throws Exception {
		mvc.perform(get("/postroom")).andExpect(redirectedUrl("/login"));
		mvc.perform(get("/postroom/batches/5")).andExpect(redirectedUrl("/login"));
		verifyNoInteractions(batches);
	}

	@Test
	void relativesScreenersAndAuditorsAreForbidden() throws Exception {
		for (PostbrugUser user : List.of(anna(), staff(Role.SCREENER), staff(Role.AUDITOR))) {
			mvc.perform(get("/postroom").with(as(user))).andExpect(status().isForbidden());
			mvc.perform(get("/postroom/batches/5").with(as(user))).andExpect(status().isForbidden());
			mvc.perform(post("/postroom/facilities/PIA/batches").with(as(user)).with(csrf()))
				.andExpect(status().isForbidden());
		}
		verifyNoInteractions(batches);
	}

	@Test
	void onlyPostroomStaffPrintAgainMarkPrintedOrReprint() throws Exception {
		PostbrugUser admin = staff(Role.FACILITY_ADMIN);
		mvc.perform(post("/postroom/batches/5/print").with(as(admin)).with(csrf())).andExpect(status().isForbidden());
		mvc.perform(post("/postroom/batches/5/printed-by-hand").with(as(admin)).with(csrf()))
			.andExpect(status().isForbidden());
		mvc.perform(post("/postroom/batches/5/letters/11/reprint").with(as(admin)).with(csrf()))
			.andExpect(status().isForbidden());
		verifyNoInteractions(batches);
	}

	@Test
	void everyFormNeedsItsCsrfToken() throws Exception {
		PostbrugUser postroom = staff(Role.POSTROOM);
		mvc.perform(post("/postroom/facilities/PIA/batches").with(as(postroom))).andExpect(status().isForbidden());
		mvc.perform(post("/postroom/batches/5/print").with(as(postroom))).andExpect(status().isForbidden());
		mvc.perform(post("/postroom/batches/5/printed-by-hand").with(as(postroom))).andExpect(status().isForbidden());
		mvc.perform(post("/postroom/batches/5/letters/11/reprint").with(as(postroom)))
			.andExpect(status().isForbidden());
		verifyNoInteractions(batches);
	}

	@Test
	void aBatchRunByHandLeadsToItsPageWithANotice() throws Exception {
		given(batches.runNow(eq(PIA), any())).willReturn(batch(5, BatchStatus.PRINTED));
		mvc.perform(post("/postroom/facilities/PIA/batches").with(as(staff(Role.POSTROOM))).with(csrf()))
			.andExpect(redirectedUrl("/postroom/batches/5"))
			.andExpect(flash().attribute("notice", "Drukronde 5 voor PIA: 2 brieven, 3 pagina's, Afgedrukt."));
	}

	@Test
	void anUnknownFacilityIsAReadableNotFoundPage() throws Exception {
		given(registry.facility("NOPE")).willReturn(Optional.empty());
		mvc.perform(post("/postroom/facilities/NOPE/batches").accept(MediaType.TEXT_HTML)
			.with(as(staff(Role.POSTROOM)))
			.with(csrf()))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
			.andExpect(content().string(containsString("Niet gevonden")))
			.andExpect(content()
				.string(containsString("Inrichting NOPE bestaat niet of hoort niet bij uw inrichtingen.")));
	}

	@Test
	void aForeignBatchIsAReadableNotFoundPage() throws Exception {
		given(batches.get(eq(999999L), any())).willThrow(new OutOfScope(OutOfScope.Kind.BATCH, 999999));
		mvc.perform(get("/postroom/batches/999999").accept(MediaType.TEXT_HTML).with(as(staff(Role.POSTROOM))))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
			.andExpect(content()
				.string(containsString("Drukronde 999999 bestaat niet of hoort niet bij uw inrichtingen.")));
	}

	@Test
	void aBatchIdThatIsNotANumberIsABadRequest() throws Exception {
		mvc.perform(get("/postroom/batches/latest").accept(MediaType.TEXT_HTML).with(as(staff(Role.POSTROOM))))
			.andExpect(status().isBadRequest());
		verifyNoInteractions(batches);
	}

	@Test
	void aBatchPageOffersReprintsToPostroomStaffOnly() throws Exception {
		given(batches.get(eq(5L), any())).willReturn(batch(5, BatchStatus.PRINTED));
		given(batches.items(5))
			.willReturn(List.of(new BatchView.Item(11, "PB-AAAAA-AAAAA-A", UUID.randomUUID(), "1000000001", 1)));
		mvc.perform(get("/postroom/batches/5").accept(MediaType.TEXT_HTML).with(as(staff(Role.POSTROOM))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("PB-AAAAA-AAAAA-A")))
			.andExpect(content().string(containsString("<title>Drukronde 5 · Postbrug</title>")))
			.andExpect(content().string(containsString("Brieven in afdrukvolgorde")))
			.andExpect(content().string(containsString("PDF downloaden")))
			.andExpect(content().string(containsString("Herdrukken</button>")));
		mvc.perform(get("/postroom/batches/5").accept(MediaType.TEXT_HTML).with(as(staff(Role.FACILITY_ADMIN))))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("Herdrukken</button>"))));
		mvc.perform(get("/postroom/batches/5").accept(MediaType.TEXT_HTML)
			.header("Accept-Language", "en")
			.with(as(staff(Role.POSTROOM))))
			.andExpect(content().string(containsString("Letters in print order")))
			.andExpect(content().string(containsString("Reprint</button>")));
	}

	@Test
	void aBatchWhosePdfWasPurgedSaysSoInsteadOfOfferingTheDownload() throws Exception {
		given(batches.get(eq(5L), any())).willReturn(batch(5, BatchStatus.PRINTED));
		given(batches.pdfPurgedAt(5)).willReturn(Optional.of(Instant.parse("2027-06-01T02:15:00Z")));
		mvc.perform(get("/postroom/batches/5").accept(MediaType.TEXT_HTML).with(as(staff(Role.POSTROOM))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("De PDF van deze drukronde is op 1 juni 2027 verwijderd")))
			.andExpect(content().string(not(containsString("PDF downloaden"))));
		given(batches.pdf(any()))
			.willThrow(new PurgedContent(PurgedContent.Kind.BATCH_PDF, 5, Instant.parse("2027-06-01T02:15:00Z")));
		mvc.perform(get("/postroom/batches/5/pdf").accept(MediaType.TEXT_HTML).with(as(staff(Role.POSTROOM))))
			.andExpect(status().isGone())
			.andExpect(content().string(containsString("bewaartermijn")));
	}

	@Test
	void aReprintOfAPurgedLetterIsRefusedInWords() throws Exception {
		given(batches.reprint(eq(11L), any()))
			.willThrow(new PurgedContent(PurgedContent.Kind.LETTER, 11, Instant.parse("2027-06-01T02:15:00Z")));
		mvc.perform(post("/postroom/batches/5/letters/11/reprint").with(as(staff(Role.POSTROOM))).with(csrf()))
			.andExpect(redirectedUrl("/postroom/batches/5"))
			.andExpect(flash().attribute("problem", containsString("Brief 11 kan niet worden herdrukt")));
	}

	@Test
	void aBatchWaitingForItsPrinterOffersToPrintAgainOrMarkItPrintedByHand() throws Exception {
		given(batches.get(eq(5L), any())).willReturn(batch(5, BatchStatus.PRINT_FAILED));
		mvc.perform(get("/postroom/batches/5").accept(MediaType.TEXT_HTML).with(as(staff(Role.POSTROOM))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(">Afdrukken mislukt</span>")))
			.andExpect(content().string(containsString("Opnieuw afdrukken</button>")))
			.andExpect(content().string(containsString("Als met de hand afgedrukt markeren</button>")));
	}

	@Test
	void noticesAfterPrintingAgainMarkingAndReprintingAreInTheRequestsLanguage() throws Exception {
		PostbrugUser postroom = staff(Role.POSTROOM);
		given(batches.printAgain(eq(5L), any())).willReturn(batch(5, BatchStatus.PRINTING));
		mvc.perform(post("/postroom/batches/5/print").with(as(postroom)).with(csrf()))
			.andExpect(
					flash().attribute("notice", "Drukronde 5 is opnieuw naar de printer gestuurd: Wordt afgedrukt."));
		given(batches.markPrintedByHand(eq(5L), any())).willReturn(batch(5, BatchStatus.PRINTED));
		mvc.perform(post("/postroom/batches/5/printed-by-hand").with(as(postroom)).with(csrf()))
			.andExpect(flash().attribute("notice",
					"Drukronde 5 is gemarkeerd als met de hand afgedrukt; hij wordt niet naar de printer gestuurd."));
		given(batches.reprint(eq(11L), any())).willReturn("PB-BBBBB-BBBBB-B");
		mvc.perform(post("/postroom/batches/5/letters/11/reprint").with(as(postroom)).with(csrf()))
			.andExpect(flash().attribute("notice",
					"Brief 11 is herdrukt als exemplaar PB-BBBBB-BBBBB-B; het eerdere exemplaar is ongeldig."));
		mvc.perform(post("/postroom/batches/5/letters/11/reprint").header("Accept-Language", "en")
			.with(as(postroom))
			.with(csrf()))
			.andExpect(flash().attribute("notice",
					"Letter 11 was reprinted as copy PB-BBBBB-BBBBB-B; the earlier copy is void."));
	}

	@Test
	void whatCannotBeDoneNowIsTheReasonOnTheBatchPage() throws Exception {
		PostbrugUser postroom = staff(Role.POSTROOM);
		given(batches.printAgain(eq(5L), any()))
			.willThrow(new Batches.CannotReprint("batches.cannot.not-waiting", "Batch 5 is PRINTED", 5L));
		mvc.perform(post("/postroom/batches/5/print").with(as(postroom)).with(csrf()))
			.andExpect(redirectedUrl("/postroom/batches/5"))
			.andExpect(flash().attribute("problem", startsWith("Drukronde 5 wacht niet op de printer.")));
		given(batches.markPrintedByHand(eq(5L), any()))
			.willThrow(new Batches.CannotReprint("batches.cannot.not-waiting", "Batch 5 is PRINTED", 5L));
		mvc.perform(post("/postroom/batches/5/printed-by-hand").with(as(postroom)).with(csrf()))
			.andExpect(flash().attribute("problem", startsWith("Drukronde 5 wacht niet op de printer.")));
		given(batches.reprint(eq(11L), any())).willThrow(new PrinterUnavailable("the printer did not answer", null));
		mvc.perform(post("/postroom/batches/5/letters/11/reprint").with(as(postroom)).with(csrf()))
			.andExpect(redirectedUrl("/postroom/batches/5"))
			.andExpect(flash().attribute("problem", startsWith("De printer antwoordt niet of weigert de opdracht.")));
	}

}
