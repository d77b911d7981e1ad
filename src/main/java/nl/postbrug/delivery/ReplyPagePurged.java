package nl.postbrug.delivery;

import java.time.Instant;
import java.util.UUID;

/**
 * The image of a page waiting for staff was removed: with its message's content when it
 * carries a code used before ({@code messageId} set), or after the default retention
 * period when no message was found for it ({@code messageId} null). The page leaves the
 * queue.
 */
public record ReplyPagePurged(UUID pageId, String problem, UUID messageId, Instant receivedAt, Instant at) {
}
