package nl.postbrug.batches;

import java.util.UUID;

/**
 * A printed letter's prisoner had moved: its copies are void and its message waits for
 * the next batch of the facility the prisoner is in now.
 */
public record LetterForwarded(long letterId, UUID messageId, String voidedCode, String toFacility, String actor) {
}
