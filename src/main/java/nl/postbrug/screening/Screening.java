package nl.postbrug.screening;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import nl.postbrug.intake.MessageReceived;
import nl.postbrug.intake.MessageStatus;
import nl.postbrug.intake.MessageView;
import nl.postbrug.intake.Messages;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Screens each received message: records the findings and moves it to APPROVED, IN_REVIEW or
 * REJECTED. The hand-off from intake is a persisted event publication, so a message received just
 * before a crash is screened after the restart; screening a message twice is harmless.
 */
@Service
public class Screening {

	private static final Logger log = LoggerFactory.getLogger(Screening.class);

	private final Messages messages;

	private final ScreeningRules rules;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	Screening(Messages messages, ScreeningRules rules, JdbcClient jdbc, TransactionTemplate transactions) {
		this.messages = messages;
		this.rules = rules;
		this.jdbc = jdbc;
		this.transactions = transactions;
	}

	@Async
	@TransactionalEventListener
	void on(MessageReceived received) {
		screen(received.messageId());
	}

	/** Screens a message that is RECEIVED or was left in SCREENING; others are left alone. */
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
		List<Finding> findings = rules.check(message, messages.mailNotes(id));
		jdbc.sql("DELETE FROM screening_finding WHERE message_id = ?").param(id.toString()).update();
		for (Finding finding : findings) {
			jdbc.sql("INSERT INTO screening_finding (message_id, rule_id, severity, explanation, span_start, span_end) VALUES (?, ?, ?, ?, ?, ?)")
				.params(id.toString(), finding.ruleId(), finding.severity().name(), finding.explanation(), finding.start(),
						finding.end())
				.update();
		}
		Optional<Finding> rejection = findings.stream()
			.filter(finding -> finding.severity() == Finding.Severity.REJECT)
			.findFirst();
		if (rejection.isPresent()) {
			messages.reject(id, "screening", rejection.get().explanation());
		}
		else if (!findings.isEmpty()) {
			messages.holdForReview(id, "Needs review: " + findings.stream()
				.map(Finding::ruleId)
				.distinct()
				.collect(Collectors.joining(", ")));
		}
		else {
			messages.approve(id, "screening", "Approved by screening: no findings");
		}
		log.debug("Screened {}: {} finding(s)", id, findings.size());
	}

	public List<Finding> findings(UUID id) {
		return jdbc.sql("SELECT rule_id, severity, explanation, span_start, span_end FROM screening_finding WHERE message_id = ? ORDER BY span_start, id")
			.param(id.toString())
			.query((rs, n) -> new Finding(rs.getString(1), Finding.Severity.valueOf(rs.getString(2)), rs.getString(3),
					(Integer) rs.getObject(4, Integer.class), (Integer) rs.getObject(5, Integer.class)))
			.list();
	}

}
