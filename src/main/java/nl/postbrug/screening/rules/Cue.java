package nl.postbrug.screening.rules;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A group of cues ({@link Cues#of}) compiled once, with the characters any of its matches
 * can start with. A search tries the expression only where such a character stands: a
 * plain {@link Matcher#find()} tries every position of every sentence, and that was most
 * of screening's time. Matches are the same as the expression's own.
 */
final class Cue {

	final Pattern pattern;

	/** Characters below 128 a match may start with. */
	private final boolean[] ascii = new boolean[128];

	private boolean anyLetter;

	private boolean anyDigit;

	/** The expression starts in a way not worked out here: every position is tried. */
	private boolean everywhere;

	/** Other characters above 127 a match may start with (€, £). */
	private String otherStarts = "";

	Cue(Pattern pattern, List<String> alternatives) {
		this.pattern = pattern;
		for (String alternative : alternatives) {
			starts(alternative);
		}
	}

	/** Searches a text; use as a {@link Matcher}: {@code find()}, then the match. */
	Search search(String text) {
		return new Search(text);
	}

	boolean in(String text) {
		return search(text).find();
	}

	/** The first match in a text, or {@code null}. */
	String first(String text) {
		Search search = search(text);
		return search.find() ? search.group() : null;
	}

	private boolean mayStartAt(char c) {
		if (everywhere) {
			return true;
		}
		if (c < 128) {
			return ascii[c];
		}
		return (anyLetter && Character.isLetter(c)) || (anyDigit && Character.isDigit(c))
				|| otherStarts.indexOf(c) >= 0;
	}

	/**
	 * Adds the characters an alternative can start with; anything this does not know
	 * sends the search to every position.
	 */
	private void starts(String regex) {
		if (regex.isEmpty()) {
			everywhere = true;
			return;
		}
		char c = regex.charAt(0);
		int after;
		if (c == '(') {
			if (!regex.startsWith("(?:")) {
				everywhere = true;
				return;
			}
			int close = closing(regex, 0);
			if (close < 0) {
				everywhere = true;
				return;
			}
			for (String inner : Cues.topLevel(regex.substring(3, close))) {
				starts(inner);
			}
			after = close + 1;
		}
		else if (c == '[') {
			int close = regex.indexOf(']');
			String members = close < 0 ? "" : regex.substring(1, close);
			if (close < 0 || members.isEmpty() || members.contains("\\") || members.startsWith("^")
					|| members.contains("-")) {
				everywhere = true;
				return;
			}
			members.chars().forEach(m -> add((char) m));
			after = close + 1;
		}
		else if (c == '\\') {
			if (regex.startsWith("\\d")) {
				anyDigit = true;
				for (char d = '0'; d <= '9'; d++) {
					ascii[d] = true;
				}
				after = 2;
			}
			else if (regex.startsWith("\\p{L}")) {
				anyLetter = true;
				for (char l = 'a'; l <= 'z'; l++) {
					ascii[l] = true;
					ascii[Character.toUpperCase(l)] = true;
				}
				after = 5;
			}
			else {
				everywhere = true;
				return;
			}
		}
		else if (".^$|)*+?{".indexOf(c) >= 0) {
			everywhere = true;
			return;
		}
		else {
			add(c);
			after = 1;
		}
		// an optional first part ("x?", "(?:…)*", "x{0,2}") lets the match start later
		if (after < regex.length() && ("?*".indexOf(regex.charAt(after)) >= 0 || regex.startsWith("{0", after))) {
			everywhere = true;
		}
	}

	private void add(char c) {
		if (c < 128) {
			ascii[c] = true;
		}
		else if (Character.isLetter(c)) {
			anyLetter = true;
		}
		else if (Character.isDigit(c)) {
			anyDigit = true;
		}
		else {
			otherStarts += c;
		}
	}

	private static int closing(String regex, int open) {
		int depth = 0;
		boolean inClass = false;
		for (int i = open; i < regex.length(); i++) {
			char c = regex.charAt(i);
			if (c == '\\') {
				i++;
			}
			else if (inClass) {
				inClass = c != ']';
			}
			else if (c == '[') {
				inClass = true;
			}
			else if (c == '(') {
				depth++;
			}
			else if (c == ')' && --depth == 0) {
				return i;
			}
		}
		return -1;
	}

	/** One search through one text. */
	final class Search {

		private final String text;

		private final Matcher matcher;

		private int from;

		private Search(String text) {
			this.text = text;
			this.matcher = pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
		}

		boolean find() {
			int n = text.length();
			for (int i = from; i < n; i++) {
				// every cue starts where no letter or digit stands before it
				if (!mayStartAt(text.charAt(i)) || (i > 0 && Character.isLetterOrDigit(text.charAt(i - 1)))) {
					continue;
				}
				matcher.region(i, n);
				if (matcher.lookingAt()) {
					from = matcher.end() > i ? matcher.end() : i + 1;
					return true;
				}
			}
			from = n;
			return false;
		}

		String group() {
			return matcher.group();
		}

		int start() {
			return matcher.start();
		}

		int end() {
			return matcher.end();
		}

	}

}
