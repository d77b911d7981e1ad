package nl.postbrug.batches;

import java.time.Instant;
import java.util.UUID;

/**
 * A printed letter not handed over yet, with its current copy code and where its prisoner
 * is now.
 */
public record OverdueLetter(long letterId, UUID messageId, String code, String prisonerNumber, String prisonerName,
		String unit, String cell, Instant printedAt, long batchId) {
}
