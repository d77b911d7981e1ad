package nl.postbrug.batches;

import java.time.Instant;
import java.util.UUID;

/** The stored PDF of a reprinted copy was removed with its message's content. */
public record ReprintPdfPurged(long letterId, UUID messageId, String code, int copyNo, Instant at) {
}
