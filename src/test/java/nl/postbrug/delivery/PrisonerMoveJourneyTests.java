package nl.postbrug.delivery;

import java.io.StringReader;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import nl.postbrug.registry.ImportReport;
import nl.postbrug.registry.PostbrugUser;
import nl.postbrug.registry.Registry;
import nl.postbrug.registry.RegistryImport;
import nl.postbrug.registry.Role;
import nl.postbrug.support.ApiTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Releases and transfers made by an administrator on the prisoner's page and in a moves
 * file take the API's path: the page says first what happens to the post waiting, the
 * move is audited, a message approved but not printed goes back or follows, and an
 * administrator of another facility can move nobody outside it.
 */
class PrisonerMoveJourneyTests extends ApiTestSupport {

	private static final AtomicLong NUMBERS = new AtomicLong(System.currentTimeMillis() % 100_000_000L * 10);

	@Autowired
	RegistryImport imports;

	@Autowired
	Registry registry;

	PostbrugUser admin;

	PostbrugUser adminOfVught;

	String prisoner;

	@BeforeEach
	void aPrisonerAtAmsterdamWithARelative() {
		admin = PostbrugUser.staff("admin", "", Set.of(Role.FACILITY_ADMIN), true, Set.of(), true);
		adminOfVught = PostbrugUser.staff("admin-piv", "", Set.of(Role.FACILITY_ADMIN), false,
				Set.of(registry.facility("PIV").orElseThrow().id()), true);
		prisoner = newPrisoner();
	}

	@Test
	void theReleasePageTellsWhatHappensToThePostAndTheReleaseReturnsIt() throws Exception {
		UUID waiting = approvedMessage(prisoner);
		mvc.perform(get("/staff/registry/prisoners/{n}/move", prisoner).with(user(admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Er wacht 1 bericht op een batch")))
			.andExpect(content().string(containsString("gaat het ene wachtende bericht meteen terug")));
		mvc.perform(post("/staff/registry/prisoners/{n}/release", prisoner).with(user(admin)))
			.andExpect(status().isForbidden());
		assertThat(statusOf(waiting)).isEqualTo("APPROVED");

		mvc.perform(post("/staff/registry/prisoners/{n}/release", prisoner).with(user(admin)).with(csrf()))
			.andExpect(redirectedUrl("/staff/registry/prisoners/" + prisoner + "/move"))
			.andExpect(flash().attribute("notice", containsString("1 wachtend bericht ging terug")));
		assertThat(statusOf(waiting)).isEqualTo("RETURNED");
		assertThat(auditOf(prisoner)).isEqualTo(1);
		mvc.perform(get("/staff/registry/prisoners/{n}/move", prisoner).with(user(admin)).param("lang", "en"))
			.andExpect(content().string(containsString("Released")))
			.andExpect(content().string(not(containsString("id=\"release-form\""))));
	}

	@Test
	void aTransferWithAMistakeSaysSoAtTheFieldAndAGoodOneTakesThePostAlong() throws Exception {
		UUID waiting = approvedMessage(prisoner);
		mvc.perform(post("/staff/registry/prisoners/{n}/transfer", prisoner).param("place", "PIX/A")
			.param("cell", " ")
			.with(user(admin))
			.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("id=\"place-error\"")))
			.andExpect(content().string(containsString("Kies een inrichting en afdeling uit de lijst.")))
			.andExpect(content().string(containsString("id=\"cell-error\"")))
			.andExpect(content().string(containsString("href=\"#cell\"")));
		assertThat(registry.prisoner(prisoner).orElseThrow().facilityCode()).isEqualTo("PIA");

		mvc.perform(post("/staff/registry/prisoners/{n}/transfer", prisoner).param("place", "PIV/B")
			.param("cell", "B-1.07")
			.with(user(admin))
			.with(csrf()))
			.andExpect(redirectedUrl("/staff/registry/prisoners/" + prisoner + "/move"))
			.andExpect(flash().attribute("notice", containsString("overgeplaatst naar PIV")));
		assertThat(registry.prisoner(prisoner).orElseThrow().cell()).isEqualTo("B-1.07");
		assertThat(facilityOf(waiting)).isEqualTo(registry.facility("PIV").orElseThrow().id());
		assertThat(auditOf(prisoner)).isEqualTo(1);
	}

	@Test
	void aMovesFileMakesEachMoveAsTheApiDoesAndReportsEveryRowItCannotMake() throws Exception {
		String leaving = newPrisoner();
		UUID waiting = approvedMessage(leaving);
		String csv = "number,move,facility,unit,cell\n" + leaving + ",release,,,\n" + prisoner
				+ ",transfer,PIV,B,B-1.08\n" + "0000000,release,,,\n" + prisoner + ",escape,,,\n";
		mvc.perform(multipart("/staff/registry/import").file(moves(csv))
			.param("kind", "moves")
			.with(user(admin))
			.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("0 nieuw, 2 bijgewerkt, 2 regels niet ingelezen")))
			.andExpect(content()
				.string(containsString("Gedetineerde 0000000 bestaat niet of hoort niet bij uw inrichtingen.")))
			.andExpect(
					content().string(containsString("De kolom move is release of transfer, niet &#39;escape&#39;.")));
		assertThat(statusOf(waiting)).isEqualTo("RETURNED");
		assertThat(registry.prisoner(prisoner).orElseThrow().facilityCode()).isEqualTo("PIV");
		assertThat(auditOf(leaving)).isEqualTo(1);
		assertThat(auditOf(prisoner)).isEqualTo(1);

		// the same file again moves nobody twice; the report is in the language asked for
		mvc.perform(multipart("/staff/registry/import").file(moves(csv))
			.param("kind", "moves")
			.header("Accept-Language", "en")
			.with(user(admin))
			.with(csrf()))
			.andExpect(content()
				.string(containsString("Imported (Releases and transfers): 0 new, 0 updated, 4 lines not imported.")))
			.andExpect(content().string(containsString("Prisoner " + leaving + " was released already.")))
			.andExpect(content()
				.string(containsString("Prisoner " + prisoner + " is in PIV, unit B, cell B-1.08 already")))
			.andExpect(content().string(containsString("There is no prisoner 0000000 in your facilities.")))
			.andExpect(
					content().string(containsString("The move column is release or transfer, not &#39;escape&#39;.")));
		assertThat(auditOf(leaving)).isEqualTo(1);
		assertThat(auditOf(prisoner)).isEqualTo(1);
	}

	@Test
	void anAdministratorOfAnotherFacilityMovesNobodyThere() throws Exception {
		UUID waiting = approvedMessage(prisoner);
		mvc.perform(get("/staff/registry/prisoners/{n}/move", prisoner).with(user(adminOfVught)))
			.andExpect(status().isNotFound());
		mvc.perform(post("/staff/registry/prisoners/{n}/release", prisoner).with(user(adminOfVught)).with(csrf()))
			.andExpect(status().isNotFound());
		mvc.perform(post("/staff/registry/prisoners/{n}/transfer", prisoner).param("place", "PIV/B")
			.param("cell", "B-1.01")
			.with(user(adminOfVught))
			.with(csrf())).andExpect(status().isNotFound());
		mvc.perform(multipart("/staff/registry/import")
			.file(moves("number,move,facility,unit,cell\n" + prisoner + ",transfer,PIA,A,A-1.01\n" + prisoner
					+ ",release,,,\n"))
			.param("kind", "moves")
			.with(user(adminOfVught))
			.with(csrf()))
			.andExpect(content().string(containsString("0 nieuw, 0 bijgewerkt, 2 regels niet ingelezen")))
			.andExpect(content().string(
					containsString("Gedetineerde " + prisoner + " bestaat niet of hoort niet bij uw inrichtingen.")))
			.andExpect(content().string(not(containsString("al in vrijheid gesteld"))));
		mvc.perform(multipart("/staff/registry/import")
			.file(moves("number,name,facility,unit,cell,status\n" + prisoner + ",X,PIV,B,B-1,ACTIVE\n"))
			.param("kind", "prisoners")
			.with(user(adminOfVught))
			.with(csrf())).andExpect(content().string(containsString("alleen een beheerder van alle inrichtingen")));
		assertThat(registry.prisoner(prisoner).orElseThrow().facilityCode()).isEqualTo("PIA");
		assertThat(registry.prisoner(prisoner).orElseThrow().isActive()).isTrue();
		assertThat(statusOf(waiting)).isEqualTo("APPROVED");
		assertThat(auditOf(prisoner)).isZero();
	}

	@Test
	void aPrisonerFileCannotMoveOrReleaseSomeoneBehindTheirPostsBack() {
		ImportReport report = imports.prisoners(new StringReader("number,name,facility,unit,cell,status\n" + prisoner
				+ ",Test Gedetineerde,PIV,B,B-1.01,ACTIVE\n" + prisoner + ",Test Gedetineerde,PIA,A,A-1.01,RELEASED\n"
				+ prisoner + ",Test Gedetineerde,PIA,A,A-1.09,ACTIVE\n"));
		assertThat(report.updated()).isEqualTo(1);
		assertThat(report.problems()).extracting(ImportReport.RowProblem::line, ImportReport.RowProblem::code)
			.containsExactly(tuple(2L, "import.transfer-in-moves-file"), tuple(3L, "import.release-in-moves-file"));
		assertThat(registry.prisoner(prisoner).orElseThrow().facilityCode()).isEqualTo("PIA");
		assertThat(registry.prisoner(prisoner).orElseThrow().isActive()).isTrue();
		assertThat(registry.prisoner(prisoner).orElseThrow().cell()).isEqualTo("A-1.09");
	}

	private String newPrisoner() {
		String number = "78" + NUMBERS.incrementAndGet();
		String email = "kin-" + number + "@example.org";
		assertThat(imports
			.prisoners(new StringReader(
					"number,name,facility,unit,cell,status\n" + number + ",Test Gedetineerde,PIA,A,A-1.01,ACTIVE\n"))
			.clean()).isTrue();
		assertThat(imports
			.contacts(new StringReader(
					"email,name,verified,approved_for\n" + email + ",Test Familie,true," + number + "\n"))
			.clean()).isTrue();
		imports.setContactPassword(email, "demo");
		return number;
	}

	private UUID approvedMessage(String number) throws Exception {
		String email = "kin-" + number + "@example.org";
		String sent = mvc
			.perform(multipart("/api/v1/messages").param("prisoner", number)
				.param("text", "Hoi, alles goed hier. Tot snel!")
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
					.httpBasic(email, "demo")))
			.andExpect(status().isAccepted())
			.andReturn()
			.getResponse()
			.getContentAsString();
		UUID id = UUID.fromString(com.jayway.jsonpath.JsonPath.read(sent, "$.id"));
		await().until(() -> statusOf(id).equals("APPROVED"));
		return id;
	}

	@Override
	protected String statusOf(UUID id) {
		return jdbc.sql("SELECT status FROM message WHERE id = ?").param(id.toString()).query(String.class).single();
	}

	private long facilityOf(UUID id) {
		return jdbc.sql("SELECT facility_id FROM message WHERE id = ?").param(id.toString()).query(Long.class).single();
	}

	private long auditOf(String number) {
		return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE subject = ? AND type LIKE 'PRISONER_%'")
			.param("prisoner:" + number)
			.query(Long.class)
			.single();
	}

	private static MockMultipartFile moves(String csv) {
		return new MockMultipartFile("file", "moves.csv", "text/csv",
				csv.getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

}
