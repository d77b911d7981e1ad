package nl.postbrug.intake;

import java.util.List;

/**
 * A message ready to be stored, whatever channel it came from. Sender and prisoner are as far as
 * intake could resolve them; screening decides what that means.
 *
 * @param dedupeKey  idempotency key (web) — same key and same contact give the same message
 * @param source     the original bytes (mail source) kept as evidence, or {@code null}
 * @param sourceHash SHA-256 of {@code source}: the same mail twice gives the same message
 */
public record NewMessage(Channel channel, String senderEmail, String senderName, Long contactId, Long prisonerId,
		Long facilityId, String addressedTo, String subject, String body, List<Photos.Photo> photos, String dedupeKey,
		byte[] source, String sourceHash, String receivedDetail) {
}
