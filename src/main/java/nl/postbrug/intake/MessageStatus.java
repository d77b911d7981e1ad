package nl.postbrug.intake;

import java.util.EnumSet;
import java.util.Set;

/**
 * The public life of a message, shown to senders and in the API. States only move
 * forward; the terminal ones are {@link #DELIVERED}, {@link #RETURNED}, {@link #REJECTED}
 * and {@link #WITHHELD}.
 */
public enum MessageStatus {

	RECEIVED, SCREENING, IN_REVIEW, APPROVED, PRINTED, DELIVERED, RETURNED, REJECTED, WITHHELD;

	public boolean canMoveTo(MessageStatus next) {
		return successors().contains(next);
	}

	public boolean isTerminal() {
		return successors().isEmpty();
	}

	private Set<MessageStatus> successors() {
		return switch (this) {
			case RECEIVED -> EnumSet.of(SCREENING);
			case SCREENING -> EnumSet.of(APPROVED, IN_REVIEW, REJECTED);
			case IN_REVIEW -> EnumSet.of(APPROVED, REJECTED, WITHHELD);
			// RETURNED: the prisoner was released before the letter was printed.
			case APPROVED -> EnumSet.of(PRINTED, RETURNED);
			case PRINTED -> EnumSet.of(DELIVERED, RETURNED);
			case DELIVERED, RETURNED, REJECTED, WITHHELD -> EnumSet.noneOf(MessageStatus.class);
		};
	}

}
