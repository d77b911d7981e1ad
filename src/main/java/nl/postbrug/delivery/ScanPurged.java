package nl.postbrug.delivery;

import java.time.Instant;
import java.util.UUID;

/**
 * A reply's scan was removed at the end of its message's retention period: it cannot be
 * read any more. Not an error of the service; the asker is told plainly.
 */
public class ScanPurged extends nl.postbrug.WordedException {

	public ScanPurged(UUID replyId, Instant purgedAt) {
		super("delivery.reply.purged",
				"The scan of reply " + replyId + " was removed at the end of its retention period",
				java.util.Date.from(purgedAt));
	}

}
