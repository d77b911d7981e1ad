package nl.postbrug.delivery;

import java.util.UUID;

/**
 * A code was scanned at hand-over; {@code letterId} and {@code messageId} are null for
 * unknown codes.
 */
public record LetterScanned(String code, ScanOutcome outcome, Long letterId, UUID messageId, String actor) {
}
