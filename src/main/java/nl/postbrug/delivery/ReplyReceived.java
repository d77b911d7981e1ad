package nl.postbrug.delivery;

import java.util.UUID;

/**
 * A scanned reply page was stored; screening checks it and puts it in the review queue.
 *
 * @param channel {@code upload}, {@code hot-folder} or {@code typed} (its code typed by
 * staff)
 */
public record ReplyReceived(UUID replyId, UUID messageId, long facilityId, String replyCode, String actor,
		String channel) {
}
