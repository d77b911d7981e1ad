package nl.postbrug.delivery;

import java.time.Instant;
import java.util.UUID;

/**
 * A reply as other modules see it: one scanned page written by a prisoner in answer to a
 * message. Never its image; that is read through {@link Replies#pdf}.
 */
public record ReplyView(UUID id, String replyCode, UUID messageId, long letterId, long facilityId, ReplyStatus status,
		Instant receivedAt, String receivedBy, Instant decidedAt) {
}
