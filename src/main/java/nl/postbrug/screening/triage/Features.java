package nl.postbrug.screening.triage;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Turns a text into a sparse vector of hashed features: words, pairs of words, and the
 * character 3- to 5-grams of each word with the first letter of the next (so "afgeven",
 * "afgegeven" and "geeft af" share features, a new spelling still lands near a known one,
 * and a word's grams carry a little of what follows it). Numbers are reduced to their
 * number of digits. Values are 1 + log(count), scaled to unit length. Every feature
 * remembers the word it came from, so a score can name the words that raised it.
 */
final class Features {

	/** Number of hash buckets: a power of two. */
	static final int DIMENSIONS = 1 << 18;

	private static final int MASK = DIMENSIONS - 1;

	/** The words of a text with where each stands in it. */
	record Tokens(List<String> words, int[] starts, int[] ends) {
	}

	/** A sparse vector: bucket, value and the word (index into the tokens) per entry. */
	record Vector(int[] index, float[] value, int[] word, Tokens tokens) {

		int size() {
			return index.length;
		}

	}

	private Features() {
	}

	static Tokens tokens(String text) {
		List<String> words = new ArrayList<>();
		int[] starts = new int[16];
		int[] ends = new int[16];
		int i = 0;
		int n = text.length();
		while (i < n) {
			int cp = text.codePointAt(i);
			if (!Character.isLetterOrDigit(cp)) {
				i += Character.charCount(cp);
				continue;
			}
			int start = i;
			boolean digits = Character.isDigit(cp);
			while (i < n) {
				int c = text.codePointAt(i);
				boolean word = Character.isLetterOrDigit(c)
						|| (c == '\'' && i + 1 < n && Character.isLetter(text.charAt(i + 1)) && !digits);
				if (!word || (digits != Character.isDigit(c) && c != '\'')) {
					break;
				}
				i += Character.charCount(c);
			}
			if (words.size() == starts.length) {
				starts = Arrays.copyOf(starts, starts.length * 2);
				ends = Arrays.copyOf(ends, ends.length * 2);
			}
			starts[words.size()] = start;
			ends[words.size()] = i;
			words.add(digits ? "#" + Math.min(i - start, 6) : fold(text.substring(start, i)));
		}
		return new Tokens(words, Arrays.copyOf(starts, words.size()), Arrays.copyOf(ends, words.size()));
	}

	static Vector of(String text) {
		return of(tokens(text));
	}

	static Vector of(Tokens tokens) {
		List<String> words = tokens.words();
		int capacity = words.size() * 24 + 8;
		int[] index = new int[capacity];
		int[] word = new int[capacity];
		int count = 0;
		for (int w = 0; w < words.size(); w++) {
			String token = words.get(w);
			if (count + 24 > index.length) {
				index = Arrays.copyOf(index, index.length * 2);
				word = Arrays.copyOf(word, word.length * 2);
			}
			index[count] = bucket('w', token, null);
			word[count++] = w;
			if (w + 1 < words.size()) {
				index[count] = bucket('b', token, words.get(w + 1));
				word[count++] = w;
			}
			if (token.charAt(0) != '#') {
				// the next word's first letter joins the end: "geef h(em)" and "geef
				// d(e)" differ
				String padded = w + 1 < words.size() ? " " + token + " " + words.get(w + 1).charAt(0)
						: " " + token + " ";
				for (int size = 3; size <= 5; size++) {
					for (int at = 0; at + size <= padded.length(); at++) {
						if (count == index.length) {
							index = Arrays.copyOf(index, index.length * 2);
							word = Arrays.copyOf(word, word.length * 2);
						}
						index[count] = bucket('c', padded, at, at + size);
						word[count++] = w;
					}
				}
			}
		}
		return merge(Arrays.copyOf(index, count), Arrays.copyOf(word, count), tokens);
	}

	/**
	 * Sums repeated buckets (keeping the first word), applies 1 + log(count) and scales
	 * to unit length.
	 */
	private static Vector merge(int[] index, int[] word, Tokens tokens) {
		int n = index.length;
		long[] keyed = new long[n];
		for (int i = 0; i < n; i++) {
			keyed[i] = ((long) index[i] << 32) | (word[i] & 0xffffffffL);
		}
		Arrays.sort(keyed);
		int[] outIndex = new int[n];
		float[] outValue = new float[n];
		int[] outWord = new int[n];
		int m = 0;
		for (int i = 0; i < n;) {
			int bucket = (int) (keyed[i] >>> 32);
			int first = (int) keyed[i];
			int j = i;
			while (j < n && (int) (keyed[j] >>> 32) == bucket) {
				j++;
			}
			outIndex[m] = bucket;
			outValue[m] = (float) (1 + Math.log(j - i));
			outWord[m] = first;
			m++;
			i = j;
		}
		double norm = 0;
		for (int i = 0; i < m; i++) {
			norm += outValue[i] * outValue[i];
		}
		float scale = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
		for (int i = 0; i < m; i++) {
			outValue[i] *= scale;
		}
		return new Vector(Arrays.copyOf(outIndex, m), Arrays.copyOf(outValue, m), Arrays.copyOf(outWord, m), tokens);
	}

	/** FNV-1a over a kind letter and a part of a string, folded into the buckets. */
	private static int bucket(char kind, String a, int from, int to) {
		long h = 0xcbf29ce484222325L;
		h = (h ^ kind) * 0x100000001b3L;
		for (int i = from; i < to; i++) {
			h = (h ^ a.charAt(i)) * 0x100000001b3L;
		}
		h ^= h >>> 29;
		return (int) (h & MASK);
	}

	/** FNV-1a over a kind letter and one or two strings, folded into the buckets. */
	private static int bucket(char kind, String a, String b) {
		long h = 0xcbf29ce484222325L;
		h = (h ^ kind) * 0x100000001b3L;
		for (int i = 0; i < a.length(); i++) {
			h = (h ^ a.charAt(i)) * 0x100000001b3L;
		}
		if (b != null) {
			h = (h ^ '_') * 0x100000001b3L;
			for (int i = 0; i < b.length(); i++) {
				h = (h ^ b.charAt(i)) * 0x100000001b3L;
			}
		}
		h ^= h >>> 29;
		return (int) (h & MASK);
	}

	/** Lower case without accents. */
	static String fold(String word) {
		String lower = word.toLowerCase(Locale.ROOT);
		for (int i = 0; i < lower.length(); i++) {
			if (lower.charAt(i) > 127) {
				return Normalizer.normalize(lower, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
			}
		}
		return lower;
	}

}
