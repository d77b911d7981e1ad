package nl.postbrug.screening;

import java.util.List;
import java.util.UUID;

import nl.postbrug.delivery.ReplyReceived;
import nl.postbrug.delivery.ReplyStatus;
import nl.postbrug.delivery.ReplyView;
import nl.postbrug.delivery.Replies;
import nl.postbrug.letters.ReplyPages;
import nl.postbrug.registry.OutOfScope;
import nl.postbrug.registry.PostbrugUser;
import nl.postbrug.registry.Registry;
import nl.postbrug.screening.rules.PhotoBarcodes;
import nl.postbrug.screening.rules.RuleBook;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Replies written on reply sheets are handwriting, which no rule reads: every reply goes
 * to the review queue of its facility, with the photo barcode check run on its scan. A
 * screener decides on it as on a message; the decision is delivery's to record.
 */
@Service
public class ReplyScreening {

	private final Replies replies;

	private final RuleBook rules;

	private final Registry registry;

	private final JdbcClient jdbc;

	ReplyScreening(Replies replies, RuleBook rules, Registry registry, JdbcClient jdbc) {
		this.replies = replies;
		this.rules = rules;
		this.registry = registry;
		this.jdbc = jdbc;
	}

	@ApplicationModuleListener
	void on(ReplyReceived received) {
		String facility = registry.facility(received.facilityId()).code();
		byte[] scan = ReplyPages.pngOf(replies.pdf(received.replyId()));
		List<Finding> findings = PhotoBarcodes.checkScan(rules.forFacility(facility), scan);
		jdbc.sql("DELETE FROM reply_finding WHERE reply_id = ?").param(received.replyId().toString()).update();
		for (int i = 0; i < findings.size(); i++) {
			Finding f = findings.get(i);
			jdbc.sql(
					"INSERT INTO reply_finding (reply_id, position, rule_id, severity, explanation) VALUES (?, ?, ?, ?, ?)")
				.params(received.replyId().toString(), i, f.ruleId(), f.severity().name(), f.explanation())
				.update();
		}
		replies.queueForReview(received.replyId());
	}

	public List<Finding> findings(UUID replyId) {
		return jdbc.sql("SELECT rule_id, severity, explanation FROM reply_finding WHERE reply_id = ? ORDER BY position")
			.param(replyId.toString())
			.query((rs, n) -> Finding.whole(rs.getString(1), Finding.Severity.valueOf(rs.getString(2)),
					rs.getString(3)))
			.list();
	}

	/** Whether {@code id} names a reply rather than a message. */
	public boolean isReply(UUID id) {
		return replies.find(id).isPresent();
	}

	/**
	 * A screener's decision on a reply. REJECT and WITHHOLD need a reason, which stays
	 * with staff: the sender of a rejected reply is told only that it cannot be passed
	 * on.
	 * @return the reply's state after the decision
	 */
	@Transactional
	public ReplyStatus decide(PostbrugUser screener, UUID id, Review.Decision decision, String reason) {
		ReplyView reply = replies.find(id).orElseThrow(() -> new OutOfScope(OutOfScope.Kind.REPLY, id));
		if (!screener.canAct(reply.facilityId())) {
			throw new OutOfScope(OutOfScope.Kind.REPLY, id);
		}
		String why = reason == null ? "" : reason.strip();
		if (why.length() > 500) {
			throw new Review.InvalidDecision("review.invalid.reason-too-long", "reason is longer than 500 characters",
					500);
		}
		if (decision != Review.Decision.APPROVE && why.isEmpty()) {
			throw new Review.InvalidDecision("review.invalid.needs-reason." + decision, decision + " needs a reason");
		}
		ReplyStatus target = switch (decision) {
			case APPROVE -> ReplyStatus.APPROVED;
			case REJECT -> ReplyStatus.REJECTED;
			case WITHHOLD -> ReplyStatus.WITHHELD;
		};
		String note = switch (decision) {
			case APPROVE -> "approved";
			case REJECT -> "rejected";
			case WITHHOLD -> "withheld";
		} + " by a screener" + (why.isEmpty() ? "" : ": " + why);
		return replies.decide(screener, id, target, note);
	}

}
