package nl.postbrug.screening.rules;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import com.ibm.icu.text.SpoofChecker;

/**
 * A text reduced for matching, with a map back to the original: lower case, accents and
 * other combining marks removed, compatibility forms folded (full-width letters,
 * ligatures), invisible characters dropped, and, inside words that also hold Latin
 * letters, look-alike letters from other scripts (Unicode's confusables data) and digits
 * used as letters ({@code c0ke}, {@code dr\u03C5gs}) read as the Latin letters they
 * imitate. Words wholly in another script stay in that script, so word lists in any
 * language work.
 */
final class Skeleton {

	/**
	 * Digits and signs written for the letters they resemble ({@code c0ke}, {@code k1ll},
	 * {@code $peed}): not a visual confusion in Unicode's sense (its confusables data
	 * reads {@code 1} as {@code l}), so they have a table of their own.
	 */
	private static final Map<Character, Character> USED_AS_LETTERS = Map.of('0', 'o', '1', 'i', '3', 'e', '4', 'a', '5',
			's', '7', 't', '@', 'a', '$', 's');

	/** Unicode's confusables data (UTS #39), through ICU; thread-safe once built. */
	private static final SpoofChecker CONFUSABLES = new SpoofChecker.Builder().build();

	private static final ConcurrentMap<Character, Character> LATIN_LOOK_ALIKES = new ConcurrentHashMap<>();

	private static final Map<Character, String> EXPANSIONS = Map.of('ß', "ss", 'æ', "ae", 'œ', "oe", 'ø', "o", 'ł', "l",
			'đ', "d", 'ð', "d", 'þ', "th");

	final String text;

	private final int[] from;

	private final int[] to;

	private Skeleton(String text, int[] from, int[] to) {
		this.text = text;
		this.from = from;
		this.to = to;
	}

	/**
	 * Where the skeleton's characters {@code [start, end)} stand in the original text.
	 */
	int originalStart(int start) {
		return from[start];
	}

	int originalEnd(int end) {
		return to[end - 1];
	}

	static Skeleton of(String original) {
		int n = original.length();
		StringBuilder out = new StringBuilder(n);
		int[] from = new int[n * 2 + 4];
		int[] to = new int[n * 2 + 4];
		int i = 0;
		while (i < n) {
			int tokenEnd = i;
			boolean wordLike = isWordChar(original.codePointAt(i));
			while (tokenEnd < n && isWordChar(original.codePointAt(tokenEnd)) == wordLike) {
				tokenEnd += Character.charCount(original.codePointAt(tokenEnd));
			}
			boolean disguised = wordLike && hasLatinLetter(original, i, tokenEnd) && !allDigits(original, i, tokenEnd);
			for (int at = i; at < tokenEnd;) {
				int cp = original.codePointAt(at);
				int next = at + Character.charCount(cp);
				String folded = fold(cp);
				for (int k = 0; k < folded.length(); k++) {
					char c = folded.charAt(k);
					if (disguised) {
						c = asLatin(c);
					}
					if (out.length() >= from.length) {
						from = java.util.Arrays.copyOf(from, from.length * 2);
						to = java.util.Arrays.copyOf(to, to.length * 2);
					}
					from[out.length()] = at;
					to[out.length()] = next;
					out.append(c);
				}
				at = next;
			}
			i = tokenEnd;
		}
		return new Skeleton(out.toString(), from, to);
	}

	private static final String[] ASCII = new String[128];

	static {
		for (int c = 0; c < 128; c++) {
			ASCII[c] = String.valueOf((char) Character.toLowerCase(c));
		}
	}

	/**
	 * One code point folded: invisible and combining characters vanish, the rest is lower
	 * case without accents.
	 */
	private static String fold(int cp) {
		if (cp < 128) {
			return ASCII[cp]; // the common case needs no Unicode normalisation
		}
		int type = Character.getType(cp);
		if (type == Character.FORMAT || type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
				|| type == Character.COMBINING_SPACING_MARK) {
			return "";
		}
		String decomposed = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKD);
		StringBuilder kept = new StringBuilder(decomposed.length());
		decomposed.codePoints().filter(c -> {
			int t = Character.getType(c);
			return t != Character.NON_SPACING_MARK && t != Character.ENCLOSING_MARK
					&& t != Character.COMBINING_SPACING_MARK;
		}).forEach(kept::appendCodePoint);
		String lower = kept.toString().toLowerCase(Locale.ROOT);
		if (lower.length() == 1 && EXPANSIONS.containsKey(lower.charAt(0))) {
			return EXPANSIONS.get(lower.charAt(0));
		}
		return lower;
	}

	/**
	 * The Latin letter {@code c} is written for, or {@code c} itself. ASCII letters stay
	 * as they are (the confusables data would read {@code m} as {@code rn}); a letter of
	 * another script becomes the Latin letter that its small or capital form is
	 * confusable with, so Cyrillic {@code в} (capital {@code В}) reads as {@code b}.
	 */
	static char asLatin(char c) {
		if (c < 128) {
			return USED_AS_LETTERS.getOrDefault(c, c);
		}
		return LATIN_LOOK_ALIKES.computeIfAbsent(c, Skeleton::confusableLatinLetter);
	}

	private static char confusableLatinLetter(char c) {
		if (!Character.isLetter(c)) {
			return c;
		}
		for (String form : new String[] { String.valueOf(c), String.valueOf(c).toUpperCase(Locale.ROOT) }) {
			String prototype = CONFUSABLES.getSkeleton(form);
			if (prototype.length() == 1 && prototype.charAt(0) < 128 && Character.isLetter(prototype.charAt(0))) {
				return Character.toLowerCase(prototype.charAt(0));
			}
		}
		return c;
	}

	static boolean isWordChar(int cp) {
		int type = Character.getType(cp);
		return Character.isLetterOrDigit(cp) || type == Character.NON_SPACING_MARK || type == Character.FORMAT
				|| type == Character.COMBINING_SPACING_MARK || cp == '@' || cp == '$';
	}

	private static boolean hasLatinLetter(String s, int start, int end) {
		for (int at = start; at < end;) {
			int cp = s.codePointAt(at);
			if (Character.isLetter(cp) && Character.UnicodeScript.of(cp) == Character.UnicodeScript.LATIN) {
				return true;
			}
			at += Character.charCount(cp);
		}
		return false;
	}

	private static boolean allDigits(String s, int start, int end) {
		for (int at = start; at < end;) {
			int cp = s.codePointAt(at);
			if (!Character.isDigit(cp) && Character.getType(cp) != Character.FORMAT) {
				return false;
			}
			at += Character.charCount(cp);
		}
		return true;
	}

}
