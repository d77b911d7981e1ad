package nl.postbrug.intake;

import java.util.List;

/**
 * A message ready to be stored, whatever channel it came from. Sender and prisoner are as
 * far as intake could resolve them; screening decides what that means. {@code replySheet}
 * is the sender's choice of a reply sheet after the letter; {@code null} leaves it to the
 * facility.
 */
public record NewMessage(Channel channel, Sender sender, Addressing addressing, Content content, Evidence evidence,
		MailNotes notes, Boolean replySheet) {

	public NewMessage {
		notes = notes == null ? MailNotes.NONE : notes;
	}

	/** A message whose reply sheet the facility's default decides. */
	public NewMessage(Channel channel, Sender sender, Addressing addressing, Content content, Evidence evidence,
			MailNotes notes) {
		this(channel, sender, addressing, content, evidence, notes, null);
	}

	/**
	 * Who sent it.
	 *
	 * @param email the sender's address as given, or {@code unknown}
	 * @param contactId the registered contact with that address; {@code null} if none
	 */
	public record Sender(String email, String name, Long contactId) {
	}

	/**
	 * Whom it is for.
	 *
	 * @param prisonerId the prisoner intake found; {@code null} when none could be found
	 * @param facilityId that prisoner's facility
	 * @param addressedTo the addresses (or registry number) it was sent to, as received
	 */
	public record Addressing(Long prisonerId, Long facilityId, String addressedTo) {

		public static final Addressing NOBODY = new Addressing(null, null, null);

	}

	/** What it says: subject (mail only), plain text, re-encoded photos. */
	public record Content(String subject, String body, List<CheckedPhoto> photos) {

		public static final Content EMPTY = new Content(null, "", List.of());

		public Content {
			body = body == null ? "" : body;
			photos = photos == null ? List.of() : List.copyOf(photos);
		}

	}

	/**
	 * What identifies the submission if it comes again, and what it was.
	 *
	 * @param idempotencyKey (web) the same key from the same contact gives the same
	 * message
	 * @param source the original bytes (mail source) kept as evidence, or {@code null}
	 * @param sourceHash hash of {@code source} without its transport headers: the same
	 * mail twice gives the same message
	 */
	public record Evidence(String idempotencyKey, byte[] source, String sourceHash) {

		public static Evidence submission(String idempotencyKey) {
			return new Evidence(idempotencyKey, null, null);
		}

		public static Evidence mail(byte[] source, String sourceHash) {
			return new Evidence(null, source, sourceHash);
		}

	}

}
