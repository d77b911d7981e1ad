package nl.postbrug.delivery;

import java.util.UUID;

/**
 * A scanned page went to the staff queue: its code could not be read ({@code NO_CODE}),
 * or it carries a code that has a reply already ({@code CODE_USED}).
 */
public record ReplyPageQueued(UUID pageId, String problem, String replyCode, String actor) {
}
