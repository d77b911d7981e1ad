package nl.postbrug.intake;

import java.time.Instant;
import java.util.UUID;

/**
 * What a message said was removed at the end of its retention period; its metadata and
 * history stay. Published in the purge's transaction, so a module keeping content made
 * from the message (PDFs in batches, reply scans in delivery) removes it with a
 * synchronous listener in the same transaction, or the purge of the message fails with
 * it. Carries no content.
 *
 * @param lastChange when the message reached its terminal state
 * @param retentionDays the period that ended
 * @param photos how many photos were removed
 * @param rawMail whether the mail's original bytes were removed
 */
public record MessageContentPurged(UUID messageId, Long facilityId, MessageStatus status, Instant lastChange,
		int retentionDays, int photos, boolean rawMail, Instant at) {
}
