package nl.postbrug.delivery;

import java.util.UUID;

/**
 * Staff settled a page of the queue: {@code replyId} is the reply it became, or
 * {@code null} when it was discarded.
 */
public record ReplyPageSettled(UUID pageId, UUID replyId, String replyCode, String actor) {
}
