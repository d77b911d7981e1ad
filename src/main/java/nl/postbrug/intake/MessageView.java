package nl.postbrug.intake;

import java.time.Instant;
import java.util.UUID;

/**
 * A message as other modules see it. {@code contactId}, {@code prisonerId} and
 * {@code facilityId} are {@code null} when intake could not tell who sent it or for whom
 * it is.
 */
public record MessageView(UUID id, Channel channel, String senderEmail, String senderName, Long contactId,
		Long prisonerId, Long facilityId, String subject, String body, MessageStatus status, String reason,
		Instant receivedAt, int photoCount) {

	public record Change(Instant at, MessageStatus status, String detail) {
	}

	public record Photo(String contentType, byte[] data) {
	}

}
