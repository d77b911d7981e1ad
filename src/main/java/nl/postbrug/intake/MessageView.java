package nl.postbrug.intake;

import java.time.Instant;
import java.util.UUID;

/**
 * A message as other modules see it. {@code contactId}, {@code prisonerId} and
 * {@code facilityId} are {@code null} when intake could not tell who sent it or for whom
 * it is; {@code reason} is why it was rejected or withheld, {@code null} otherwise.
 * {@code purgedAt} is when its content (text, subject, photos, raw mail) was removed at
 * the end of its retention period, {@code null} while it is kept: a purged message's
 * {@code body} is empty and must be shown as purged, never as an empty letter.
 */
public record MessageView(UUID id, Channel channel, String senderEmail, String senderName, Long contactId,
		Long prisonerId, Long facilityId, String subject, String body, MessageStatus status, Reason reason,
		Instant receivedAt, int photoCount, Instant purgedAt) {

	/** A message whose content is kept. */
	public MessageView(UUID id, Channel channel, String senderEmail, String senderName, Long contactId, Long prisonerId,
			Long facilityId, String subject, String body, MessageStatus status, Reason reason, Instant receivedAt,
			int photoCount) {
		this(id, channel, senderEmail, senderName, contactId, prisonerId, facilityId, subject, body, status, reason,
				receivedAt, photoCount, null);
	}

	/** Whether its content was removed at the end of its retention period. */
	public boolean purged() {
		return purgedAt != null;
	}

	/**
	 * One entry of a message's history, as its sender may see it: internal notes never
	 * appear here.
	 */
	public record Change(Instant at, MessageStatus status, Reason detail) {
	}

	public record Photo(String contentType, byte[] data) {
	}

}
