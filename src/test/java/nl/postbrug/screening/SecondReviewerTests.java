package nl.postbrug.screening;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import nl.postbrug.intake.MessageIntake;
import nl.postbrug.intake.IntakeReason;
import nl.postbrug.intake.MessageStatus;
import nl.postbrug.intake.Messages;
import nl.postbrug.registry.PostbrugUser;
import nl.postbrug.registry.Role;
import nl.postbrug.support.ApiTestSupport;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

@TestPropertySource(properties = "postbrug.screening.second-reviewer-for-withhold=true")
class SecondReviewerTests extends ApiTestSupport {

	@Autowired
	Review review;

	@Autowired
	MessageIntake intake;

	@Autowired
	Messages messages;

	@Autowired
	UserDetailsService users;

	private final PostbrugUser first = PostbrugUser.staff("screener", "", Set.of(Role.SCREENER), true, Set.of(), true);

	private final PostbrugUser second = PostbrugUser.staff("screener-2", "", Set.of(Role.SCREENER), true, Set.of(),
			true);

	@Test
	void aWithholdTakesEffectOnlyWhenASecondScreenerConfirmsIt() {
		UUID id = inReview("Bel me op 06-55556666 of kijk op www.voorbeeld.nl, het pakketje ligt klaar.");

		assertThat(review.decide(first, id, Review.Decision.WITHHOLD, "Lijkt op afspraak overdracht"))
			.isEqualTo(MessageStatus.IN_REVIEW);
		assertThat(messages.get(id).status()).isEqualTo(MessageStatus.IN_REVIEW);
		assertThat(review.withholdProposal(id)).hasValueSatisfying(p -> assertThat(p.screener()).isEqualTo("screener"));
		assertThatThrownBy(() -> review.decide(first, id, Review.Decision.WITHHOLD, "nogmaals"))
			.isInstanceOf(Review.InvalidDecision.class)
			.hasMessageContaining("second screener");

		assertThat(review.decide(second, id, Review.Decision.WITHHOLD, "Eens")).isEqualTo(MessageStatus.WITHHELD);
		assertThat(messages.get(id).status()).isEqualTo(MessageStatus.WITHHELD);
		assertThat(messages.get(id).reason()).isEqualTo(IntakeReason.WITHHELD.with());
		assertThat(messages.history(id)).extracting(change -> change.detail().toString())
			.noneMatch(detail -> detail.contains("overdracht"));
		List<String> audit = jdbc.sql("SELECT type || ' ' || actor FROM audit_event WHERE subject = ? ORDER BY seq")
			.param("message:" + id)
			.query(String.class)
			.list();
		assertThat(audit).containsSubsequence("WITHHOLD_PROPOSED screener", "MESSAGE_WITHHELD screener-2");
		assertThat(review.withholdProposal(id)).isEmpty();
	}

	@Test
	void aSecondScreenerMayApproveInsteadOfConfirming() {
		UUID id = inReview("Bel me op 06-77778888 of kijk op www.voorbeeld.nl voor de verjaardag van oma.");
		review.decide(first, id, Review.Decision.WITHHOLD, "Twijfel");
		assertThat(review.decide(second, id, Review.Decision.APPROVE, "Gewoon familie"))
			.isEqualTo(MessageStatus.APPROVED);
		// The sender reads only that it was approved; who proposed what is for the audit
		// log.
		assertThat(messages.history(id)).last()
			.satisfies(change -> assertThat(change.detail()).isEqualTo(IntakeReason.APPROVED.with()));
		assertThat(jdbc.sql("SELECT detail FROM audit_event WHERE subject = ? AND type = 'MESSAGE_APPROVED'")
			.param("message:" + id)
			.query(String.class)
			.single()).contains("proposal to withhold by screener");
	}

	private UUID inReview(String text) {
		PostbrugUser anna = (PostbrugUser) users.loadUserByUsername("anna@example.org");
		UUID id = intake.submit(anna, "1000000001", text, List.of(), null).id();
		await().until(() -> messages.get(id).status() == MessageStatus.IN_REVIEW);
		return id;
	}

}
