package nl.postbrug.letters;

import java.time.LocalDate;
import java.util.List;

/**
 * What goes on a letter. Every string is plain text from an untrusted sender and is
 * printed literally, never interpreted as markup.
 *
 * @param photos JPEG or PNG images, already validated; printed in a fixed-size box
 * @param copyCode the code of this printed copy, from {@link CopyCodes#newCode()}
 * @param replyCode the code of the reply sheet printed after the letter in a batch, from
 * {@link ReplyCodes#newCode()}; {@code null} when the letter has none
 */
public record LetterContent(String facilityName, String prisonerName, String registryNumber, String unit, String cell,
		String senderName, LocalDate receivedDate, String body, List<byte[]> photos, String copyCode,
		String replyCode) {

	public LetterContent {
		photos = photos == null ? List.of() : List.copyOf(photos);
		if (copyCode == null || !CopyCodes.isWellFormed(copyCode)) {
			throw new IllegalArgumentException("A letter needs a well-formed copy code, not " + copyCode);
		}
		copyCode = CopyCodes.normalise(copyCode);
		if (replyCode != null && !ReplyCodes.isWellFormed(replyCode)) {
			throw new IllegalArgumentException("A reply sheet needs a well-formed reply code, not " + replyCode);
		}
		replyCode = replyCode == null ? null : ReplyCodes.normalise(replyCode);
	}

	/** A letter without a reply sheet. */
	public LetterContent(String facilityName, String prisonerName, String registryNumber, String unit, String cell,
			String senderName, LocalDate receivedDate, String body, List<byte[]> photos, String copyCode) {
		this(facilityName, prisonerName, registryNumber, unit, cell, senderName, receivedDate, body, photos, copyCode,
				null);
	}

	/** The same letter with a reply sheet under {@code code}. */
	public LetterContent withReplyCode(String code) {
		return new LetterContent(facilityName, prisonerName, registryNumber, unit, cell, senderName, receivedDate, body,
				photos, copyCode, code);
	}

}
