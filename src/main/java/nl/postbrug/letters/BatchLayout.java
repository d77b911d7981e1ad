package nl.postbrug.letters;

import java.util.List;

/**
 * Page counts of a written batch PDF: the cover sheet and manifest, then each letter in the
 * order given.
 *
 * @param coverPages pages before the first letter: cover sheet plus manifest
 */
public record BatchLayout(int coverPages, List<Integer> letterPages, int totalPages) {

	public BatchLayout {
		letterPages = List.copyOf(letterPages);
	}

}
