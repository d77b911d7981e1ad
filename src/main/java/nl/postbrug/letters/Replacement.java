package nl.postbrug.letters;

/**
 * A character the bundled fonts cannot draw, printed as {@code �} (U+FFFD) instead.
 *
 * @param field the letter field it was in, e.g. {@code body} or {@code senderName}
 * @param offset its index (in UTF-16 units) in that field's text
 * @param codePoint the character that was replaced
 */
public record Replacement(String field, int offset, int codePoint) {

	/** The character as text, e.g. {@code 你}. */
	public String character() {
		return Character.isValidCodePoint(codePoint) && !Character.isSurrogate((char) codePoint)
				? Character.toString(codePoint) : "\uFFFD";
	}

	/** For people: {@code U+4F60 in body at 12}. */
	@Override
	public String toString() {
		return String.format("U+%04X in %s at %d", codePoint, field, offset);
	}

}
