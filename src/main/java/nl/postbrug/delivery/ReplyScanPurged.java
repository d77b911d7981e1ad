package nl.postbrug.delivery;

import java.time.Instant;
import java.util.UUID;

/**
 * A reply's stored scan was removed with its message's content; the reply's metadata
 * stays.
 */
public record ReplyScanPurged(UUID replyId, UUID messageId, ReplyStatus status, Instant at) {
}
