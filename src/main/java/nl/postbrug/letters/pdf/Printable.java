package nl.postbrug.letters.pdf;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import nl.postbrug.letters.Replacement;

/**
 * Makes sender text printable with the bundled fonts: every character no bundled font can
 * draw (emoji, CJK, control characters, broken surrogates) becomes a visible U+FFFD and
 * is recorded, so screening can tell the sender what did not print. Text is never
 * interpreted as markup: it goes into the template's DOM as text nodes.
 */
final class Printable {

	private static final Pattern LINE_BREAKS = Pattern.compile("\\s*[\\r\\n]+\\s*");

	private static final Pattern BLANK_LINES = Pattern.compile("\\n[ \\t]*\\n\\s*");

	private final List<Replacement> replacements = new ArrayList<>();

	/** One line of text: line breaks become spaces. */
	String line(String field, String plain) {
		if (plain == null) {
			return "";
		}
		return clean(field, LINE_BREAKS.matcher(plain).replaceAll(" ").strip(), 0);
	}

	/**
	 * A message body split into paragraphs at blank lines; single line breaks stay inside
	 * a paragraph (the template styles it with {@code white-space: pre-wrap}).
	 */
	List<String> paragraphs(String field, String plain) {
		if (plain == null || plain.isBlank()) {
			return List.of();
		}
		String normalised = plain.replace("\r\n", "\n").replace('\r', '\n');
		List<String> out = new ArrayList<>();
		var m = BLANK_LINES.matcher(normalised);
		int start = 0;
		while (true) {
			boolean found = m.find();
			int end = found ? m.start() : normalised.length();
			String paragraph = normalised.substring(start, end);
			int lead = paragraph.length() - paragraph.stripLeading().length();
			String stripped = paragraph.strip();
			if (!stripped.isEmpty()) {
				out.add(clean(field, stripped, start + lead));
			}
			if (!found) {
				return out;
			}
			start = m.end();
		}
	}

	/**
	 * Whether {@code codePoint} survives {@link #clean}: line breaks and tabs print as
	 * layout, variation selectors (which only choose between emoji and text style) as
	 * nothing, and everything else only if the bundled fonts draw it.
	 */
	static boolean prints(int codePoint) {
		return codePoint == '\n' || codePoint == '\r' || codePoint == '\t' || isVariationSelector(codePoint)
				|| Fonts.canDraw(codePoint);
	}

	private static boolean isVariationSelector(int codePoint) {
		return codePoint >= 0xFE00 && codePoint <= 0xFE0F;
	}

	List<Replacement> replacements() {
		return List.copyOf(this.replacements);
	}

	private String clean(String field, String text, int base) {
		StringBuilder out = new StringBuilder(text.length());
		int i = 0;
		while (i < text.length()) {
			int cp = text.codePointAt(i);
			int width = Character.charCount(cp);
			if (cp == '\n') {
				out.append('\n');
			}
			else if (cp == '\t') {
				out.append(' ');
			}
			else if (isVariationSelector(cp)) {
				// variation selectors only pick emoji or text style: nothing to print or
				// report
			}
			else if (Fonts.canDraw(cp)) {
				out.appendCodePoint(cp);
			}
			else {
				out.appendCodePoint(Fonts.REPLACEMENT);
				this.replacements.add(new Replacement(field, base + i, cp));
			}
			i += width;
		}
		return out.toString();
	}

	/** Whether the text needs the bidi algorithm (Arabic, Hebrew, bidi controls). */
	static boolean needsBidi(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c >= 0x0590 && c <= 0x08FF || c >= 0xFB1D && c <= 0xFDFF || c >= 0xFE70 && c <= 0xFEFF
					|| c >= 0x200E && c <= 0x200F || c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether the first strong character is right-to-left, so the paragraph reads right
	 * to left.
	 */
	static boolean startsRightToLeft(String text) {
		for (int i = 0; i < text.length();) {
			int cp = text.codePointAt(i);
			byte d = Character.getDirectionality(cp);
			if (d == Character.DIRECTIONALITY_RIGHT_TO_LEFT || d == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC) {
				return true;
			}
			if (d == Character.DIRECTIONALITY_LEFT_TO_RIGHT) {
				return false;
			}
			i += Character.charCount(cp);
		}
		return false;
	}

}
