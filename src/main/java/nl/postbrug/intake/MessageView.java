package nl.postbrug.intake;

import java.time.Instant;
import java.util.UUID;

/**
 * A message as other modules see it. {@code contactId}, {@code prisonerId} and
 * {@code facilityId} are {@code null} when intake could not tell who sent it or for whom
 * it is; {@code reason} is why it was rejected or withheld, {@code null} otherwise.
 */
public record MessageView(UUID id, Channel channel, String senderEmail, String senderName, Long contactId,
		Long prisonerId, Long facilityId, String subject, String body, MessageStatus status, Reason reason,
		Instant receivedAt, int photoCount) {

	/**
	 * One entry of a message's history, as its sender may see it: internal notes never
	 * appear here.
	 */
	public record Change(Instant at, MessageStatus status, Reason detail) {
	}

	public record Photo(String contentType, byte[] data) {
	}

}
