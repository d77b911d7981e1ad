package nl.postbrug.letters;

import java.util.ArrayList;
import java.util.List;

/**
 * Page counts of a written batch PDF: the cover sheet and manifest, then each letter in
 * the order given. In duplex mode blank pages follow the front matter and every letter
 * with an odd number of pages, so that each starts on a new sheet; they count in
 * {@code coverPages}, {@code totalPages} and {@code firstPages}, not in
 * {@code letterPages}.
 *
 * @param coverPages pages before the first letter: cover sheet plus manifest (plus a
 * blank page in duplex mode when they come to an odd number)
 * @param letterPages the pages each letter has, blank padding not included
 * @param totalPages every page of the PDF
 * @param firstPages where each letter starts in the PDF, counting from 1
 * @param duplex whether the batch is laid out for printing on both sides
 */
public record BatchLayout(int coverPages, List<Integer> letterPages, int totalPages, List<Integer> firstPages,
		boolean duplex) {

	public BatchLayout {
		letterPages = List.copyOf(letterPages);
		firstPages = List.copyOf(firstPages);
		if (firstPages.size() != letterPages.size()) {
			throw new IllegalArgumentException(
					"A first page is needed for each of the " + letterPages.size() + " letters");
		}
	}

	/** A simplex layout: letters follow each other without blank pages. */
	public BatchLayout(int coverPages, List<Integer> letterPages, int totalPages) {
		this(coverPages, letterPages, totalPages, consecutive(coverPages, letterPages), false);
	}

	private static List<Integer> consecutive(int coverPages, List<Integer> letterPages) {
		List<Integer> first = new ArrayList<>(letterPages.size());
		int page = coverPages + 1;
		for (int pages : letterPages) {
			first.add(page);
			page += pages;
		}
		return first;
	}

}
