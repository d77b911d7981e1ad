package nl.postbrug.letters;

import java.util.List;

/**
 * One rendered letter (or cover sheet) as PDF bytes.
 *
 * @param replacements characters that printed as {@code �} because no bundled font has
 * them, in the order they occur; empty when every character printed as written
 */
public record RenderedLetter(byte[] pdf, int pages, List<Replacement> replacements) {

	public RenderedLetter {
		replacements = replacements == null ? List.of() : List.copyOf(replacements);
	}

	public RenderedLetter(byte[] pdf, int pages) {
		this(pdf, pages, List.of());
	}

}
