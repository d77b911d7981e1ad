package nl.postbrug.screening;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import nl.postbrug.intake.MessageReceived;
import nl.postbrug.intake.MessageStatus;
import nl.postbrug.intake.MessageView;
import nl.postbrug.intake.Messages;
import nl.postbrug.intake.Reason;
import nl.postbrug.screening.triage.TriageModel;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Screens each received message: records the findings and moves it to APPROVED, IN_REVIEW
 * or REJECTED. The hand-off from intake is a persisted event publication, so a message
 * received just before a crash is screened after the restart; screening a message twice
 * is harmless.
 */
@Service
public class Screening {

	private static final Logger log = LoggerFactory.getLogger(Screening.class);

	private final Messages messages;

	private final ScreeningRules rules;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final java.time.Clock clock;

	private final TriageModels models;

	Screening(Messages messages, ScreeningRules rules, JdbcClient jdbc, TransactionTemplate transactions,
			java.time.Clock clock, TriageModels models) {
		this.models = models;
		this.messages = messages;
		this.rules = rules;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Async
	@TransactionalEventListener
	void on(MessageReceived received) {
		screen(received.messageId());
	}

	/**
	 * Screens a message that is RECEIVED or was left in SCREENING; others are left alone.
	 */
	public void screen(UUID id) {
		MessageView message = messages.get(id);
		if (message.status() == MessageStatus.RECEIVED) {
			messages.startScreening(id);
		}
		else if (message.status() != MessageStatus.SCREENING) {
			return;
		}
		// The findings and the decision they lead to commit together.
		transactions.executeWithoutResult(tx -> decide(id));
	}

	private void decide(UUID id) {
		MessageView message = messages.get(id);
		ScreeningRules.Outcome outcome = rules.check(message, messages.mailNotes(id));
		List<Finding> findings = outcome.findings();
		jdbc.sql("DELETE FROM screening_finding WHERE message_id = ?").param(id.toString()).update();
		jdbc.sql("DELETE FROM screening_result WHERE message_id = ?").param(id.toString()).update();
		for (Finding finding : findings) {
			jdbc.sql(
					"INSERT INTO screening_finding (message_id, rule_id, severity, explanation, span_start, span_end, photo_index) VALUES (?, ?, ?, ?, ?, ?, ?)")
				.params(id.toString(), finding.ruleId(), finding.severity().name(), clip(finding.explanation()),
						finding.start(), finding.end(), finding.photo())
				.update();
		}
		Optional<Reason> rejection = outcome.rejection();
		// One model for the whole decision: a retraining swaps the reference, never the
		// model under a message being screened.
		TriageModel.Score score = rejection.isPresent() ? null
				: models.current().map(model -> model.score(message.body())).orElse(null);
		int risk = findings.stream().mapToInt(finding -> finding.severity().risk()).sum();
		jdbc.sql(
				"INSERT INTO screening_result (message_id, risk, language, rules_version, screened_at, model_version, model_score, model_terms, model_span_start, model_span_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(id.toString(), risk, outcome.language(), outcome.rulesVersion(),
					clock.instant().atOffset(java.time.ZoneOffset.UTC), score == null ? null : score.version(),
					score == null ? null : score.value(), score == null ? null : clip(String.join(",", score.terms())),
					score == null ? null : score.start(), score == null ? null : score.end())
			.update();
		List<String> reviewRules = findings.stream()
			.filter(finding -> finding.severity() == Finding.Severity.REVIEW)
			.map(Finding::ruleId)
			.distinct()
			.toList();
		// Rule names and counts are for staff (the audit log); the sender reads only the
		// state and, for a rejection, the reason.
		if (rejection.isPresent()) {
			messages.reject(id, "screening", rejection.get());
		}
		else if (!reviewRules.isEmpty()) {
			messages.holdForReview(id, "needs review: " + String.join(", ", reviewRules));
		}
		else if (outcome.reviewEverything()) {
			messages.holdForReview(id, "needs review: the facility reviews every message");
		}
		else if (score != null && outcome.modelReviewAbove().isPresent()
				&& score.value() > outcome.modelReviewAbove().getAsDouble()) {
			messages.holdForReview(id,
					String.format(java.util.Locale.ROOT, "needs review: triage score %.2f above %.2f (model %s)",
							score.value(), outcome.modelReviewAbove().getAsDouble(), score.version()));
		}
		else {
			messages.approve(id, "screening",
					"approved by screening: " + (findings.isEmpty() ? "no findings" : findings.size() + " note(s)"));
		}
		log.debug("Screened {}: {} finding(s), risk {}", id, findings.size(), risk);
	}

	/**
	 * A message's risk score from its last screening: the sum over its findings, 0 when
	 * none.
	 */
	public int risk(UUID id) {
		return jdbc.sql("SELECT risk FROM screening_result WHERE message_id = ?")
			.param(id.toString())
			.query(Integer.class)
			.optional()
			.orElse(0);
	}

	/** What the triage model made of a message at its last screening, if it scored it. */
	public record ModelScore(double score, String version, List<String> terms, Integer start, Integer end) {
	}

	public Optional<ModelScore> modelScore(UUID id) {
		return jdbc.sql(
				"SELECT model_score, model_version, model_terms, model_span_start, model_span_end FROM screening_result WHERE message_id = ? AND model_score IS NOT NULL")
			.param(id.toString())
			.query((rs, n) -> new ModelScore(rs.getDouble(1), rs.getString(2),
					rs.getString(3) == null || rs.getString(3).isEmpty() ? List.of()
							: List.of(rs.getString(3).split(",")),
					(Integer) rs.getObject(4, Integer.class), (Integer) rs.getObject(5, Integer.class)))
			.optional();
	}

	private static String clip(String text) {
		return text.length() > 1000 ? text.substring(0, 999) + "…" : text;
	}

	public List<Finding> findings(UUID id) {
		return jdbc.sql(
				"SELECT rule_id, severity, explanation, span_start, span_end, photo_index FROM screening_finding WHERE message_id = ? ORDER BY span_start, id")
			.param(id.toString())
			.query((rs, n) -> new Finding(rs.getString(1), Finding.Severity.valueOf(rs.getString(2)), rs.getString(3),
					(Integer) rs.getObject(4, Integer.class), (Integer) rs.getObject(5, Integer.class),
					(Integer) rs.getObject(6, Integer.class)))
			.list();
	}

}
