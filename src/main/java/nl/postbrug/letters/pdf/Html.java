package nl.postbrug.letters.pdf;

import java.util.regex.Pattern;

/**
 * A piece of XHTML that is safe to put into a template. The only ways to make one escape
 * the sender's text, so nothing a sender writes can become markup.
 */
record Html(String markup) {

	private static final Pattern BLANK_LINES = Pattern.compile("\\n[ \\t]*\\n\\s*");

	/** Plain text on one line: escaped, line breaks become spaces. */
	static Html text(String plain) {
		if (plain == null) {
			return new Html("");
		}
		return new Html(escape(plain.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip()));
	}

	/**
	 * A message body: paragraphs at blank lines, single line breaks kept inside a paragraph
	 * (the template styles {@code p} with {@code white-space: pre-wrap}).
	 */
	static Html paragraphs(String plain) {
		if (plain == null || plain.isBlank()) {
			return new Html("");
		}
		String normalised = plain.replace("\r\n", "\n").replace('\r', '\n').strip();
		StringBuilder out = new StringBuilder(normalised.length() + 64);
		for (String paragraph : BLANK_LINES.split(normalised)) {
			out.append("<p>").append(escape(paragraph)).append("</p>\n");
		}
		return new Html(out.toString());
	}

	/** Markup written by this module, never containing sender text. */
	static Html trusted(String markup) {
		return new Html(markup);
	}

	/**
	 * XML-escapes text and replaces every character the bundled font cannot draw (and every
	 * character XML forbids) with U+FFFD, so it prints visibly instead of failing.
	 */
	static String escape(String plain) {
		StringBuilder out = new StringBuilder(plain.length() + 16);
		plain.codePoints().forEach(cp -> {
			switch (cp) {
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '&' -> out.append("&amp;");
				case '"' -> out.append("&quot;");
				case '\'' -> out.append("&#39;");
				case '\n' -> out.append('\n');
				case '\t' -> out.append(' ');
				default -> {
					if (cp >= 0xFE00 && cp <= 0xFE0F) {
						// variation selectors only pick emoji or text style; nothing to print
					}
					else if (Fonts.canDraw(cp)) {
						out.appendCodePoint(cp);
					}
					else {
						out.appendCodePoint(Fonts.REPLACEMENT);
					}
				}
			}
		});
		return out.toString();
	}

}
