package nl.postbrug.delivery;

import java.util.UUID;

/**
 * A reply moved on. {@code note} is for staff only (a screener's reason); the sender
 * never reads it.
 */
public record ReplyStatusChanged(UUID replyId, UUID messageId, String facilityCode, ReplyStatus from, ReplyStatus to,
		String actor, String note) {
}
