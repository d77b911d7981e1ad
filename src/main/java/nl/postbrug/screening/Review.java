package nl.postbrug.screening;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import nl.postbrug.intake.IllegalTransition;
import nl.postbrug.intake.MessageStatus;
import nl.postbrug.intake.MessageView;
import nl.postbrug.intake.Messages;
import nl.postbrug.intake.Reason;
import nl.postbrug.registry.OutOfScope;
import nl.postbrug.registry.PostbrugUser;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A screener's decision on a message in the review queue. The screener's username goes
 * into the message history and the audit log with the decision.
 */
@Service
public class Review {

	public enum Decision {

		APPROVE, REJECT, WITHHOLD;

		public static Decision parse(String value) {
			if (value == null) {
				throw new InvalidDecision("review.invalid.missing",
						"decision is missing; use APPROVE, REJECT or WITHHOLD");
			}
			try {
				return valueOf(value.strip().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidDecision("review.invalid.unknown",
						"decision must be APPROVE, REJECT or WITHHOLD, not '" + value + "'", value);
			}
		}

	}

	public static class InvalidDecision extends nl.postbrug.WordedException {

		public InvalidDecision(String code, String log, Object... arguments) {
			super(code, log, arguments);
		}

	}

	private final Messages messages;

	private final ScreeningSettings settings;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Review(Messages messages, ScreeningSettings settings, JdbcClient jdbc, ApplicationEventPublisher events,
			Clock clock) {
		this.messages = messages;
		this.settings = settings;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	/** A withhold waiting for a second screener, if any. */
	public record Proposal(String screener, String reason) {
	}

	public Optional<Proposal> withholdProposal(UUID id) {
		return jdbc.sql("SELECT proposed_by, reason FROM withhold_proposal WHERE message_id = ?")
			.param(id.toString())
			.query((rs, n) -> new Proposal(rs.getString(1), rs.getString(2)))
			.optional();
	}

	/**
	 * Decides on a message in review. A reject reason may be one of the
	 * {@link RejectReason} codes (the sender then reads its words, in Dutch and English)
	 * or the screener's own words, passed on as they are. With a second reviewer required
	 * for withholding, the first WITHHOLD is recorded as a proposal and the message stays
	 * in review until another screener withholds it too.
	 * @return the message's state after the decision
	 */
	@Transactional
	public MessageStatus decide(PostbrugUser screener, UUID id, Decision decision, String reason) {
		MessageView message = messages.find(id).orElseThrow(() -> new OutOfScope(OutOfScope.Kind.MESSAGE, id));
		if (message.facilityId() == null || !screener.canAct(message.facilityId())) {
			throw new OutOfScope(OutOfScope.Kind.MESSAGE, id);
		}
		if (message.status() != MessageStatus.IN_REVIEW) {
			throw new IllegalTransition(id, message.status(), target(decision));
		}
		String why = reason == null ? "" : reason.strip();
		if (why.length() > 500) {
			throw new InvalidDecision("review.invalid.reason-too-long", "reason is longer than 500 characters", 500);
		}
		Optional<Proposal> proposal = withholdProposal(id);
		switch (decision) {
			case APPROVE -> messages.approve(id, screener.getUsername(),
					"approved by a screener" + (why.isEmpty() ? "" : ": " + why)
							+ proposal.map(p -> " (over a proposal to withhold by " + p.screener() + ")").orElse(""));
			case REJECT -> messages.reject(id, screener.getUsername(), senderReason(why, decision));
			case WITHHOLD -> {
				String internal = required(why, decision);
				if (settings.secondReviewerForWithhold()) {
					if (proposal.isEmpty()) {
						jdbc.sql(
								"INSERT INTO withhold_proposal (message_id, proposed_by, reason, at) VALUES (?, ?, ?, ?)")
							.params(id.toString(), screener.getUsername(), internal,
									clock.instant().atOffset(java.time.ZoneOffset.UTC))
							.update();
						events.publishEvent(new WithholdProposed(id, screener.getUsername(), internal));
						return MessageStatus.IN_REVIEW;
					}
					if (proposal.get().screener().equals(screener.getUsername())) {
						throw new InvalidDecision("review.invalid.second-screener",
								"A second screener must confirm the withhold you proposed");
					}
					internal = proposal.get().reason() + " (proposed by " + proposal.get().screener() + "); confirmed: "
							+ internal;
				}
				messages.withhold(id, screener.getUsername(), internal);
			}
		}
		jdbc.sql("DELETE FROM withhold_proposal WHERE message_id = ?").param(id.toString()).update();
		// what the triage model learns from at its next training
		jdbc.sql("INSERT INTO review_decision (message_id, decision, decided_at) VALUES (?, ?, ?)")
			.params(id.toString(), decision.name(), clock.instant().atOffset(java.time.ZoneOffset.UTC))
			.update();
		return target(decision);
	}

	/** A listed reason by its code, or the screener's own words. */
	private static Reason senderReason(String why, Decision decision) {
		return RejectReason.of(why)
			.map(listed -> ScreeningReason.LISTED.with(listed.name()))
			.orElseGet(() -> ScreeningReason.OWN_WORDS.with(required(why, decision)));
	}

	private static String required(String reason, Decision decision) {
		if (reason.isEmpty()) {
			throw new InvalidDecision("review.invalid.needs-reason." + decision, decision + " needs a reason");
		}
		return reason;
	}

	private static MessageStatus target(Decision decision) {
		return switch (decision) {
			case APPROVE -> MessageStatus.APPROVED;
			case REJECT -> MessageStatus.REJECTED;
			case WITHHOLD -> MessageStatus.WITHHELD;
		};
	}

}
