package nl.postbrug;

import java.util.UUID;
import java.util.concurrent.Callable;

import com.jayway.jsonpath.JsonPath;
import nl.postbrug.support.ApiTestSupport;

import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Bad input against the whole application on the demo data: refused with a 4xx problem
 * document, and the data left as it was. Each controller's own bad inputs and roles are
 * tested in its {@code @WebMvcTest} ({@code XxxControllerTests}); these are the cases
 * that need the real modules behind the controller (intake's checks, facility scope,
 * review state, the user store and its sign-in throttle).
 */
class ApiBadInputTests extends ApiTestSupport {

	@Test
	void unknownPrisonerIsRefusedLikeOneTheSenderIsNotApprovedFor() throws Exception {
		unchanged(() -> mvc.perform(multipart("/api/v1/messages").param("prisoner", "9999999999")
			.param("text", "Hallo")
			.header("Accept-Language", "en")
			.with(ANNA))).andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value(
					"You cannot write to registry number 9999999999 yet. Ask the facility to approve you as a contact first."));
	}

	@Test
	void prisonerTheSenderIsNotApprovedForIsRefused() throws Exception {
		unchanged(() -> mvc
			.perform(multipart("/api/v1/messages").param("prisoner", "1000000003").param("text", "Hallo").with(ANNA)))
			.andExpect(status().isForbidden());
	}

	@Test
	void emptyOrMissingTextIsRefused() throws Exception {
		unchanged(() -> mvc
			.perform(multipart("/api/v1/messages").param("prisoner", "1000000001").param("text", "  \n ").with(ANNA)))
			.andExpect(status().isBadRequest())
			.andExpect(
					jsonPath("$.detail").value("Het bericht bevat geen tekst. Schrijf iets voordat u het verstuurt."));
		unchanged(() -> mvc.perform(multipart("/api/v1/messages").param("prisoner", "1000000001").with(ANNA)))
			.andExpect(status().isBadRequest());
	}

	@Test
	void missingPrisonerIsRefused() throws Exception {
		unchanged(() -> mvc.perform(multipart("/api/v1/messages").param("text", "Hallo").with(ANNA)))
			.andExpect(status().isBadRequest());
	}

	@Test
	void tooLongTextIsRefused() throws Exception {
		unchanged(() -> mvc.perform(multipart("/api/v1/messages").param("prisoner", "1000000001")
			.param("text", "a".repeat(20_001))
			.with(ANNA))).andExpect(status().isBadRequest());
	}

	@Test
	void aFileThatIsNotAPhotoIsRefused() throws Exception {
		MockMultipartFile pdf = new MockMultipartFile("photos", "plan.jpg", "image/jpeg",
				"%PDF-1.7 not a photo".getBytes());
		unchanged(() -> mvc.perform(multipart("/api/v1/messages").file(pdf)
			.param("prisoner", "1000000001")
			.param("text", "Zie foto")
			.with(ANNA))).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("geen foto in JPEG of PNG")));
	}

	@Test
	void wrongPasswordsAndUnknownUsersAreUnauthorized() throws Exception {
		unchanged(() -> mvc.perform(get("/api/v1/messages").with(httpBasic("anna@example.org", "wrong"))))
			.andExpect(status().isUnauthorized());
		unchanged(() -> mvc.perform(get("/api/v1/review").with(httpBasic("nobody", "demo"))))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void repeatedWrongPasswordsLockTheAccountForAWhile() throws Exception {
		for (int i = 0; i < 5; i++) {
			mvc.perform(get("/api/v1/batches/1").with(httpBasic("admin", "guess-" + i)))
				.andExpect(status().isUnauthorized());
		}
		unchanged(() -> mvc.perform(get("/api/v1/batches/1").with(ADMIN))).andExpect(status().isUnauthorized());
		mvc.perform(get("/api/v1/me/prisoners").with(ANNA)).andExpect(status().isOk());
		// The lock outlives this test; the other test classes that share this context
		// sign in as admin.
		jdbc.sql("DELETE FROM login_failure").update();
	}

	@Test
	void healthIsOpen() throws Exception {
		mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
	}

	@Test
	void reviewDecisionsThatDoNotFitAreRefused() throws Exception {
		UUID approved = sendAndAwait("1000000001", "Gewoon een briefje.", "APPROVED");
		unchanged(() -> mvc.perform(post("/api/v1/review/" + approved).with(SCREENER)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"decision\":\"APPROVE\"}"))).andExpect(status().isConflict());

		UUID inReview = sendAndAwait("1000000001", "Bel me op 06-12345678 of kijk op www.voorbeeld.nl als je kan.",
				"IN_REVIEW");
		unchanged(() -> mvc.perform(post("/api/v1/review/" + inReview).with(SCREENER)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"decision\":\"MAYBE\"}"))).andExpect(status().isBadRequest());
		unchanged(() -> mvc.perform(post("/api/v1/review/" + inReview).with(SCREENER)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"decision\":\"REJECT\"}"))).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("Schrijf bij een afwijzing een reden; de afzender leest die."));
		unchanged(() -> mvc.perform(post("/api/v1/review/" + UUID.randomUUID()).with(SCREENER)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"decision\":\"APPROVE\"}"))).andExpect(status().isNotFound());
		assertThat(statusOf(inReview)).isEqualTo("IN_REVIEW");
	}

	@Test
	void aScreenerRejectsWithAReasonTheSenderSees() throws Exception {
		UUID inReview = sendAndAwait("1000000001", "Zet het geld op NL91ABNA0417164300 alsjeblieft.", "IN_REVIEW");
		String queue = mvc.perform(get("/api/v1/review").with(SCREENER)).andReturn().getResponse().getContentAsString();
		assertThat((java.util.List<String>) JsonPath.read(queue, "$[?(@.id == '" + inReview + "')].findings[*].ruleId"))
			.contains("iban");
		mvc.perform(post("/api/v1/review/" + inReview).with(SCREENER)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"decision\":\"REJECT\",\"reason\":\"Geen bankgegevens in berichten\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("REJECTED"));
		mvc.perform(get("/api/v1/messages/" + inReview).with(ANNA))
			.andExpect(jsonPath("$.status").value("REJECTED"))
			.andExpect(jsonPath("$.reason").value("Geen bankgegevens in berichten"));
	}

	@Test
	void aWithholdReasonIsNeverShownToTheSender() throws Exception {
		UUID inReview = sendAndAwait("1000000001", "Kijk op www.example.com voor de foto's.", "IN_REVIEW");
		mvc.perform(post("/api/v1/review/" + inReview).with(SCREENER)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"decision\":\"WITHHOLD\",\"reason\":\"Lopend onderzoek 2026-114\"}"))
			.andExpect(status().isOk());
		String seen = mvc.perform(get("/api/v1/messages/" + inReview).with(ANNA))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(seen).contains("WITHHELD").doesNotContain("onderzoek");
		assertThat(count("SELECT COUNT(*) FROM audit_event WHERE detail LIKE '%Lopend onderzoek 2026-114%'"))
			.isEqualTo(1);
	}

	@Test
	void otherPeoplesMessagesAndBatchesCannotBeRead() throws Exception {
		UUID someone = jdbc.sql(
				"SELECT id FROM message WHERE contact_id <> (SELECT id FROM contact WHERE email = 'anna@example.org') FETCH FIRST 1 ROWS ONLY")
			.query(String.class)
			.optional()
			.map(UUID::fromString)
			.orElseThrow();
		unchanged(() -> mvc.perform(get("/api/v1/messages/" + someone).with(ANNA))).andExpect(status().isNotFound());
		unchanged(() -> mvc.perform(post("/api/v1/facilities/PIA/batches").with(POSTROOM_PIV)))
			.andExpect(status().isNotFound());
		unchanged(() -> mvc.perform(get("/api/v1/batches/999999").with(POSTROOM))).andExpect(status().isNotFound());
		unchanged(() -> mvc.perform(post("/api/v1/letters/999999/reprint").with(POSTROOM)))
			.andExpect(status().isNotFound());
	}

	@Test
	void anUnknownCodeIsRecordedAsSuchAndDeliversNothing() throws Exception {
		long delivered = count("SELECT COUNT(*) FROM message WHERE status = 'DELIVERED'");
		mvc.perform(post("/api/v1/scans").with(POSTROOM)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"code\":\"PB-00000-00000-0\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.outcome").value("UNKNOWN_CODE"))
			.andExpect(jsonPath("$.prisoner").doesNotExist());
		assertThat(count("SELECT COUNT(*) FROM message WHERE status = 'DELIVERED'")).isEqualTo(delivered);
		assertThat(count("SELECT COUNT(*) FROM delivery_scan WHERE outcome = 'UNKNOWN_CODE'")).isPositive();
	}

	@Test
	void theSameIdempotencyKeyGivesTheSameMessage() throws Exception {
		String first = mvc
			.perform(multipart("/api/v1/messages").param("prisoner", "1000000001")
				.param("text", "Eén keer")
				.header("Idempotency-Key", "k-123")
				.with(ANNA))
			.andExpect(status().isAccepted())
			.andReturn()
			.getResponse()
			.getContentAsString();
		long messages = count("SELECT COUNT(*) FROM message");
		String second = mvc
			.perform(multipart("/api/v1/messages").param("prisoner", "1000000001")
				.param("text", "Eén keer")
				.header("Idempotency-Key", "k-123")
				.with(ANNA))
			.andExpect(status().isAccepted())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat((String) JsonPath.read(second, "$.id")).isEqualTo(JsonPath.read(first, "$.id"));
		assertThat(count("SELECT COUNT(*) FROM message")).isEqualTo(messages);
	}

	/**
	 * Runs a request that must be refused with a problem document and must change no
	 * message or audit event.
	 */
	private ResultActions unchanged(Callable<ResultActions> request) throws Exception {
		long messages = count("SELECT COUNT(*) FROM message");
		long events = count("SELECT COUNT(*) FROM audit_event");
		long batches = count("SELECT COUNT(*) FROM batch");
		ResultActions result = request.call();
		result.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		int status = result.andReturn().getResponse().getStatus();
		assertThat(status).isBetween(400, 499);
		assertThat(count("SELECT COUNT(*) FROM message")).isEqualTo(messages);
		assertThat(count("SELECT COUNT(*) FROM audit_event")).isEqualTo(events);
		assertThat(count("SELECT COUNT(*) FROM batch")).isEqualTo(batches);
		return result;
	}

}
