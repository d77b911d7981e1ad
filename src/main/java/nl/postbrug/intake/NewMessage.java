package nl.postbrug.intake;

import java.util.List;

/**
 * A message ready to be stored, whatever channel it came from. Sender and prisoner are as
 * far as intake could resolve them; screening decides what that means.
 *
 * @param dedupeKey idempotency key (web) — same key and same contact give the same
 * message
 * @param source the original bytes (mail source) kept as evidence, or {@code null}
 * @param sourceHash hash of {@code source} without its transport headers: the same mail
 * twice gives the same message
 * @param refusal why intake refuses the message (oversize, unreadable, too deeply
 * nested), written for the sender; screening rejects it with exactly this reason.
 * {@code null} if none
 * @param noReply why nobody may be answered about this message (an automatic reply, a
 * delivery report, the system's own mail); {@code null} when the sender may be told
 * @param authFailure the SPF/DKIM/DMARC failures the receiving server reported;
 * {@code null} if none
 */
public record NewMessage(Channel channel, String senderEmail, String senderName, Long contactId, Long prisonerId,
		Long facilityId, String addressedTo, String subject, String body, List<CheckedPhoto> photos, String dedupeKey,
		byte[] source, String sourceHash, String receivedDetail, String refusal, String noReply, String authFailure) {

	public NewMessage(Channel channel, String senderEmail, String senderName, Long contactId, Long prisonerId,
			Long facilityId, String addressedTo, String subject, String body, List<CheckedPhoto> photos,
			String dedupeKey, byte[] source, String sourceHash, String receivedDetail) {
		this(channel, senderEmail, senderName, contactId, prisonerId, facilityId, addressedTo, subject, body, photos,
				dedupeKey, source, sourceHash, receivedDetail, null, null, null);
	}

}
