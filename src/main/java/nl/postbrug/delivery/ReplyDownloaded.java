package nl.postbrug.delivery;

import java.util.UUID;

/** Someone read a reply's scan: its sender, or a screener. */
public record ReplyDownloaded(UUID replyId, String actor) {
}
