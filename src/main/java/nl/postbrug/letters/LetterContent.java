package nl.postbrug.letters;

import java.time.LocalDate;
import java.util.List;

/**
 * What goes on a letter. Every string is plain text from an untrusted sender and is
 * printed literally, never interpreted as markup.
 *
 * @param photos JPEG or PNG images, already validated; printed in a fixed-size box
 * @param copyCode the code of this printed copy, from {@link CopyCodes#newCode()}
 */
public record LetterContent(String facilityName, String prisonerName, String registryNumber, String unit, String cell,
		String senderName, LocalDate receivedDate, String body, List<byte[]> photos, String copyCode) {

	public LetterContent {
		photos = photos == null ? List.of() : List.copyOf(photos);
		if (copyCode == null || !CopyCodes.isWellFormed(copyCode)) {
			throw new IllegalArgumentException("A letter needs a well-formed copy code, not " + copyCode);
		}
		copyCode = CopyCodes.normalise(copyCode);
	}

}
