package nl.postbrug.screening;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import com.jayway.jsonpath.JsonPath;
import nl.postbrug.intake.MessageStatus;
import nl.postbrug.intake.Messages;
import nl.postbrug.screening.triage.ModelFile;
import nl.postbrug.support.ApiTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The triage model in the service: trained on demand, recorded with every message it
 * scores, sending a rule-clean message above the rule file's threshold to review, shown
 * in the queue with its reasons, and retrained while messages are screened without losing
 * or double-scoring any.
 */
class TriageJourneyTests extends ApiTestSupport {

	@Autowired
	Messages messages;

	@Autowired
	TriageModels models;

	@Autowired
	TriageSettings settings;

	/** Other tests of this context screen without a model, as the service starts. */
	@AfterEach
	void noModelAgain() throws Exception {
		Files.deleteIfExists(ModelFile.in(settings.modelDir()));
		models.load();
	}

	@Test
	void aTrainedModelSendsARuleCleanRiskyMessageToReviewWithItsReasons() throws Exception {
		String trained = mvc.perform(post("/api/v1/screening/model/train").with(ADMIN))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.examples").isNumber())
			.andExpect(jsonPath("$.metrics.riskyRecall").isNumber())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String version = JsonPath.read(trained, "$.version");
		mvc.perform(get("/api/v1/screening/model").with(SCREENER)).andExpect(jsonPath("$.version").value(version));
		assertThat(count(
				"SELECT COUNT(*) FROM audit_event WHERE type = 'TRIAGE_MODEL_TRAINED' AND actor = 'admin' AND subject = 'model:"
						+ version + "'"))
			.isEqualTo(1);

		// no rule finds anything in either; the model knows the first from the seed set
		String risky = "De vogel vliegt morgenavond, zorg dat de ramen aan de zuidkant openstaan om elf uur.";
		UUID held = sendAndAwait("1000000001", risky, "IN_REVIEW");
		UUID approved = sendAndAwait("1000000001", "Lieve Jan, we komen zaterdag om 14.00 uur op bezoek.", "APPROVED");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM screening_finding WHERE message_id = ?")
			.param(held.toString())
			.query(Long.class)
			.single()).isZero();
		assertThat(jdbc.sql("SELECT model_version FROM screening_result WHERE message_id IN (?, ?)")
			.params(held.toString(), approved.toString())
			.query(String.class)
			.list()).containsOnly(version);

		String queue = mvc.perform(get("/api/v1/review").with(SCREENER)).andReturn().getResponse().getContentAsString();
		List<Double> scores = JsonPath.read(queue, "$[?(@.id == '" + held + "')].score");
		assertThat(scores).singleElement().satisfies(score -> assertThat(score).isGreaterThan(0.92));
		List<List<String>> reasons = JsonPath.read(queue, "$[?(@.id == '" + held + "')].reasons");
		assertThat(reasons.get(0)).isNotEmpty();
		List<Integer> ends = JsonPath.read(queue, "$[?(@.id == '" + held + "')].sentence.end");
		assertThat(ends).containsExactly(risky.length());
	}

	@Test
	void retrainingWhileMessagesAreScreenedLosesNoneAndScoresNoneTwice() throws Exception {
		models.train("test");
		CompletableFuture<Void> retraining = CompletableFuture.runAsync(() -> {
			models.train("test");
			models.train("test");
		});
		List<UUID> sent = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			sent.add(send("1000000001",
					"Lieve Jan, bericht " + i + ": we komen zaterdag op bezoek en nemen foto's mee."));
		}
		retraining.join();
		await().until(() -> sent.stream()
			.allMatch(
					id -> Set.of(MessageStatus.APPROVED, MessageStatus.IN_REVIEW).contains(messages.get(id).status())));
		List<String> versions = jdbc.sql("SELECT version FROM triage_model").query(String.class).list();
		for (UUID id : sent) {
			assertThat(jdbc.sql(
					"SELECT COUNT(*) FROM message_status_change WHERE message_id = ? AND status IN ('APPROVED', 'IN_REVIEW')")
				.param(id.toString())
				.query(Long.class)
				.single()).as("decisions on %s", id).isEqualTo(1);
			assertThat(jdbc.sql("SELECT model_version FROM screening_result WHERE message_id = ?")
				.param(id.toString())
				.query(String.class)
				.list()).singleElement().isIn(versions);
		}
	}

}
