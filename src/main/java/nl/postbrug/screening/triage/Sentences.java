package nl.postbrug.screening.triage;

import java.util.ArrayList;
import java.util.List;

import nl.postbrug.screening.rules.SentenceBoundary;

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
			if (i == n || SentenceBoundary.endsAt(text, i)) {
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

}
