package nl.postbrug.batches;

import java.util.UUID;

/**
 * One printed copy of a letter, found by the code on its pages. A copy is void once a
 * reprint superseded it.
 */
public record LetterCopy(String code, long letterId, int copyNo, boolean isVoid, UUID messageId, long prisonerId,
		long facilityId) {
}
