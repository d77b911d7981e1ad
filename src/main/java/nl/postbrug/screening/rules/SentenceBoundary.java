package nl.postbrug.screening.rules;

/**
 * Where a sentence ends, the same for the rules' signals and the triage model's sentence
 * scores, so that the sentence a reviewer is pointed at is the one both looked at: at
 * '.', '!', '?', ';' or a line break, but not at a full stop between digits (a time such
 * as 19.30, an amount).
 */
public final class SentenceBoundary {

	private SentenceBoundary() {
	}

	/** Whether the character at {@code i} ends a sentence. */
	public static boolean endsAt(CharSequence text, int i) {
		char c = text.charAt(i);
		if (c == '\n' || c == '!' || c == '?' || c == ';') {
			return true;
		}
		if (c != '.') {
			return false;
		}
		boolean digitBefore = i > 0 && Character.isDigit(text.charAt(i - 1));
		boolean digitAfter = i + 1 < text.length() && Character.isDigit(text.charAt(i + 1));
		return !(digitBefore && digitAfter);
	}

}
