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

	Screening(Messages messages, ScreeningRules rules, JdbcClient jdbc, TransactionTemplate transactions,
			java.time.Clock clock) {
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
		int risk = findings.stream().mapToInt(finding -> finding.severity().risk()).sum();
		jdbc.sql(
				"INSERT INTO screening_result (message_id, risk, language, rules_version, screened_at) VALUES (?, ?, ?, ?, ?)")
			.params(id.toString(), risk, outcome.language(), outcome.rulesVersion(),
					clock.instant().atOffset(java.time.ZoneOffset.UTC))
			.update();
		Optional<Reason> rejection = outcome.rejection();
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
