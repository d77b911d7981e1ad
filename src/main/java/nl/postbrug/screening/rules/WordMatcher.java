package nl.postbrug.screening.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds listed words and phrases in a skeleton as whole words, in one pass over its
 * words: each word of the text is looked up by hash, and only phrases starting with it
 * are compared further. Any run of characters other than letters and digits separates
 * words, in the list and in the text alike.
 */
final class WordMatcher {

	/** A match in skeleton coordinates, with the entry that matched. */
	record Match(int start, int end, String entry) {
	}

	private final Map<String, List<String[]>> byFirstWord = new HashMap<>();

	private final List<String> entries;

	WordMatcher(Iterable<String> skeletonEntries) {
		List<String> all = new ArrayList<>();
		for (String entry : skeletonEntries) {
			String[] words = words(entry).stream().map(w -> entry.substring(w[0], w[1])).toArray(String[]::new);
			if (words.length > 0) {
				byFirstWord.computeIfAbsent(words[0], w -> new ArrayList<>()).add(words);
				all.add(entry);
			}
		}
		// Longest first, so a phrase wins over a word it starts with.
		byFirstWord.values().forEach(list -> list.sort((a, b) -> Integer.compare(b.length, a.length)));
		this.entries = List.copyOf(all);
	}

	List<String> entries() {
		return entries;
	}

	List<Match> find(String text) {
		List<int[]> words = words(text);
		List<Match> matches = new ArrayList<>();
		for (int i = 0; i < words.size(); i++) {
			int[] word = words.get(i);
			List<String[]> candidates = byFirstWord.get(text.substring(word[0], word[1]));
			if (candidates == null) {
				continue;
			}
			for (String[] phrase : candidates) {
				if (matchesAt(text, words, i, phrase)) {
					int end = words.get(i + phrase.length - 1)[1];
					matches.add(new Match(word[0], end, String.join(" ", Arrays.asList(phrase))));
					i += phrase.length - 1;
					break;
				}
			}
		}
		return matches;
	}

	private static boolean matchesAt(String text, List<int[]> words, int at, String[] phrase) {
		if (at + phrase.length > words.size()) {
			return false;
		}
		for (int k = 1; k < phrase.length; k++) {
			int[] word = words.get(at + k);
			if (!text.regionMatches(word[0], phrase[k], 0, phrase[k].length())
					|| word[1] - word[0] != phrase[k].length()) {
				return false;
			}
		}
		return true;
	}

	/** The [start, end) of every maximal run of letters and digits. */
	private static List<int[]> words(String text) {
		List<int[]> words = new ArrayList<>();
		int i = 0;
		int n = text.length();
		while (i < n) {
			while (i < n && !Character.isLetterOrDigit(text.codePointAt(i))) {
				i += Character.charCount(text.codePointAt(i));
			}
			int start = i;
			while (i < n && Character.isLetterOrDigit(text.codePointAt(i))) {
				i += Character.charCount(text.codePointAt(i));
			}
			if (i > start) {
				words.add(new int[] { start, i });
			}
		}
		return words;
	}

}
