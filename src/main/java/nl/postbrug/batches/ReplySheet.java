package nl.postbrug.batches;

import java.util.UUID;

/**
 * The reply sheet printed after a letter, found by the reply code on it.
 *
 * @param facilityId the facility the letter was last printed for
 */
public record ReplySheet(String replyCode, long letterId, UUID messageId, long prisonerId, long facilityId) {
}
