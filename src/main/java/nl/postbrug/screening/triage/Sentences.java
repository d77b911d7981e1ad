package nl.postbrug.screening.triage;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a text into sentences at '.', '!', '?', ';' and line breaks (not at a full stop
 * between digits, as in 19.30), as {@code [start, end)} spans without surrounding space.
 */
final class Sentences {

	private Sentences() {
	}

	static List<int[]> split(String text) {
		List<int[]> spans = new ArrayList<>();
		int start = 0;
		int n = text.length();
		for (int i = 0; i <= n; i++) {
			if (i == n || ends(text, i)) {
				int s = start;
				int e = i == n ? n : i + 1;
				while (s < e && Character.isWhitespace(text.charAt(s))) {
					s++;
				}
				while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
					e--;
				}
				if (e > s) {
					spans.add(new int[] { s, e });
				}
				start = i + 1;
			}
		}
		return spans;
	}

	private static boolean ends(String text, int i) {
		char c = text.charAt(i);
		if (c == '\n' || c == '!' || c == '?' || c == ';') {
			return true;
		}
		if (c != '.') {
			return false;
		}
		return !(i > 0 && Character.isDigit(text.charAt(i - 1)) && i + 1 < text.length()
				&& Character.isDigit(text.charAt(i + 1)));
	}

}
