package nl.postbrug.screening.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * A message's skeleton cut into sentences, for the checks that look at what words do
 * together rather than at one word. A sentence ends at '.', '!', '?', ';' or a line
 * break; a full stop between digits (a time such as 19.30 or an amount) does not end one.
 */
final class Sentences {

	/**
	 * One sentence, as {@code [start, end)} in the skeleton, without the spaces around
	 * it.
	 */
	record Sentence(int start, int end, String text, Sentences in) {

		/** A span of this sentence's skeleton text as the sender wrote it. */
		String original(int from, int to) {
			return in.original(start + from, start + to);
		}

	}

	final Skeleton skeleton;

	final List<Sentence> list;

	final String original;

	private Sentences(Skeleton skeleton, String original) {
		this.skeleton = skeleton;
		this.original = original;
		this.list = cut(skeleton.text);
	}

	static Sentences of(Skeleton skeleton, String original) {
		return new Sentences(skeleton, original);
	}

	private List<Sentence> cut(String text) {
		List<Sentence> list = new ArrayList<>();
		int start = 0;
		int n = text.length();
		for (int i = 0; i <= n; i++) {
			if (i == n || SentenceBoundary.endsAt(text, i)) {
				add(text, start, i == n ? n : i + 1, list);
				start = i + 1;
			}
		}
		return List.copyOf(list);
	}

	static Sentences of(String original) {
		return of(Skeleton.of(original), original);
	}

	String original(int start, int end) {
		return original.substring(skeleton.originalStart(start), skeleton.originalEnd(end));
	}

	private void add(String text, int start, int end, List<Sentence> list) {
		while (start < end && !Character.isLetterOrDigit(text.charAt(start))) {
			start++;
		}
		int last = end;
		while (last > start && Character.isWhitespace(text.charAt(last - 1))) {
			last--;
		}
		if (last > start) {
			list.add(new Sentence(start, last, text.substring(start, last), this));
		}
	}

	/** Where a skeleton span stands in the text as the sender wrote it. */
	int originalStart(int start) {
		return skeleton.originalStart(start);
	}

	int originalEnd(int end) {
		return skeleton.originalEnd(end);
	}

}
