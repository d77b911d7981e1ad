package nl.postbrug.letters;

import java.io.IOException;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/** Shared helpers for the letters tests. */
final class LetterFixtures {

	static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T06:00:00Z"), ZoneOffset.UTC);

	static final Path TEMPLATES = Path.of("print-templates");

	private static LetterRendering shared;

	private LetterFixtures() {
	}

	/** One renderer for the whole test run: the trial render at start-up is not free. */
	static synchronized LetterRendering rendering() {
		if (shared == null) {
			shared = new LetterRendering(new LettersProperties(TEMPLATES), CLOCK);
		}
		return shared;
	}

	static LetterContent letter(String body) {
		return new LetterContent("PI Vught", "Sam de Vries", "1234567", "B2", "117", "Ans de Vries",
				LocalDate.of(2026, 3, 1), body, List.of(), CopyCodes.newCode());
	}

	static String text(byte[] pdf) throws IOException {
		try (PDDocument doc = Loader.loadPDF(pdf)) {
			return normalise(new PDFTextStripper().getText(doc));
		}
	}

	/**
	 * Text as a reader sees it: PDFBox applies the font's ligatures and Arabic is drawn
	 * in its positional forms, so compatibility-decompose (U+FB01 becomes "fi", U+FEE3
	 * becomes U+0645) and collapse whitespace.
	 */
	static String normalise(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("\\s+", " ").strip();
	}

}
