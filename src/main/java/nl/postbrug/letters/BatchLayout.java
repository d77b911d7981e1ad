package nl.postbrug.letters;

import java.util.List;

/** Page counts of a written batch PDF: the cover, then each letter in the order given. */
public record BatchLayout(int coverPages, List<Integer> letterPages, int totalPages) {

	public BatchLayout {
		letterPages = List.copyOf(letterPages);
	}

}
