package nl.postbrug.intake;

import java.time.Instant;
import java.util.UUID;

/**
 * A message moved to a new state. Published inside the transaction that made the move, so
 * whoever records it (the audit log) commits or rolls back with it.
 *
 * @param from the previous state, {@code null} when the message was just received
 * @param actor who made the move: a username, a relative's address or {@code system}
 * @param detail why, as the message's history shows it to its sender; for a rejection,
 * the reason the sender is given
 * @param internalNote staff-only words (rule names, a screener's comment, a withhold
 * reason), for the audit log only, never shown to the sender; may be {@code null}
 */
public record MessageStatusChanged(UUID messageId, MessageStatus from, MessageStatus to, String actor, Reason detail,
		String internalNote, Instant at) {
}
