package nl.postbrug.screening;

import java.util.Locale;
import java.util.UUID;

import nl.postbrug.intake.IllegalTransition;
import nl.postbrug.intake.MessageStatus;
import nl.postbrug.intake.MessageView;
import nl.postbrug.intake.Messages;
import nl.postbrug.registry.PostbrugUser;

import org.springframework.stereotype.Service;

/**
 * A screener's decision on a message in the review queue. The screener's username goes into the
 * message history and the audit log with the decision.
 */
@Service
public class Review {

	public enum Decision {

		APPROVE, REJECT, WITHHOLD;

		public static Decision parse(String value) {
			if (value == null) {
				throw new InvalidDecision("decision is missing; use APPROVE, REJECT or WITHHOLD");
			}
			try {
				return valueOf(value.strip().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidDecision("decision must be APPROVE, REJECT or WITHHOLD, not '" + value + "'");
			}
		}

	}

	public static class InvalidDecision extends RuntimeException {

		public InvalidDecision(String message) {
			super(message);
		}

	}

	/** The message is not in this screener's facilities; answered like a missing message. */
	public static class OutOfScope extends RuntimeException {

		public OutOfScope(UUID id) {
			super("There is no message " + id + " in your facilities");
		}

	}

	private final Messages messages;

	Review(Messages messages) {
		this.messages = messages;
	}

	public MessageStatus decide(PostbrugUser screener, UUID id, Decision decision, String reason) {
		MessageView message = messages.find(id).orElseThrow(() -> new OutOfScope(id));
		if (message.facilityId() == null || !screener.canAct(message.facilityId())) {
			throw new OutOfScope(id);
		}
		if (message.status() != MessageStatus.IN_REVIEW) {
			throw new IllegalTransition(id, message.status(), target(decision));
		}
		String why = reason == null ? "" : reason.strip();
		if (why.length() > 500) {
			throw new InvalidDecision("reason is longer than 500 characters");
		}
		switch (decision) {
			case APPROVE -> messages.approve(id, screener.getUsername(),
					"Approved by a screener" + (why.isEmpty() ? "" : ": " + why));
			case REJECT -> messages.reject(id, screener.getUsername(), required(why, decision));
			case WITHHOLD -> messages.withhold(id, screener.getUsername(), required(why, decision));
		}
		return target(decision);
	}

	private static String required(String reason, Decision decision) {
		if (reason.isEmpty()) {
			throw new InvalidDecision(decision + " needs a reason");
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
