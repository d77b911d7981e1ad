package nl.postbrug.batches;

import java.time.Instant;

/**
 * A batch's stored PDF was removed once the content of every one of its letters' messages
 * had been purged.
 */
public record BatchPdfPurged(long batchId, String facility, int letters, Instant at) {
}
