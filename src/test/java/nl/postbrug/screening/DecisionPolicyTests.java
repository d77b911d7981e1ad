package nl.postbrug.screening;

import java.util.List;
import java.util.UUID;

import nl.postbrug.intake.MessageIntake;
import nl.postbrug.intake.MessageStatus;
import nl.postbrug.intake.Messages;
import nl.postbrug.registry.PostbrugUser;
import nl.postbrug.registry.Registry;
import nl.postbrug.support.ApiTestSupport;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The decision policy's outcomes on the sample rules: no review finding approves, a
 * review finding holds for review, a reject finding rejects, and a facility that reviews
 * everything holds even a clean message.
 */
class DecisionPolicyTests extends ApiTestSupport {

	@Autowired
	MessageIntake intake;

	@Autowired
	Messages messages;

	@Autowired
	Registry registry;

	@Autowired
	Screening screening;

	@Test
	void aCleanMessageIsApproved() {
		assertThat(screened("anna@example.org", "1000000001", "Lieve Jan, de tuin staat in bloei. Tot zondag!"))
			.isEqualTo(MessageStatus.APPROVED);
	}

	@Test
	void aReviewFindingHoldsTheMessageForAScreener() {
		assertThat(screened("anna@example.org", "1000000001", "Heb je de w4pens nog?"))
			.isEqualTo(MessageStatus.IN_REVIEW);
	}

	@Test
	void aRejectFindingRejectsWithoutReviewAndTellsTheSenderInGeneralTerms() {
		UUID id = send("anna@example.org", "1000000001", "Als je praat, ik maak je dood.");
		await().until(() -> messages.get(id).status() == MessageStatus.REJECTED);
		assertThat(messages.get(id).reason()).isEqualTo(ScreeningReason.CONTENT.with());
		assertThat(messages.history(id)).last()
			.satisfies(change -> assertThat(change.detail()).isEqualTo(ScreeningReason.CONTENT.with()));
		assertThat(screening.risk(id)).isGreaterThanOrEqualTo(100);
	}

	@Test
	void aFacilityThatReviewsEverythingHoldsACleanMessage() {
		String fatima = jdbc.sql(
				"SELECT c.email FROM contact c JOIN approval a ON a.contact_id = c.id JOIN prisoner p ON p.id = a.prisoner_id WHERE p.registry_number = '1000000003' AND c.verified")
			.query(String.class)
			.list()
			.get(0);
		assertThat(screened(fatima, "1000000003", "Lieve Mohamed, alles goed hier. Tot snel!"))
			.isEqualTo(MessageStatus.IN_REVIEW);
	}

	private MessageStatus screened(String email, String prisoner, String text) {
		UUID id = send(email, prisoner, text);
		await().until(() -> messages.get(id).status() != MessageStatus.RECEIVED
				&& messages.get(id).status() != MessageStatus.SCREENING);
		return messages.get(id).status();
	}

	private UUID send(String email, String prisoner, String text) {
		PostbrugUser sender = PostbrugUser.relative(registry.contact(email).orElseThrow(), "");
		return intake.submit(sender, prisoner, text, List.of(), null).id();
	}

}
