package nl.postbrug.letters;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import nl.postbrug.letters.pdf.LetterPdf;

/** Turns letters into PDFs: one letter at a time, or a whole batch behind a cover sheet. */
@Component
public class LetterRendering {

	private final LetterPdf pdf;

	LetterRendering(LettersProperties properties) {
		this.pdf = new LetterPdf(properties.templateDir());
	}

	public RenderedLetter render(LetterContent letter) {
		return this.pdf.letter(letter);
	}

	/**
	 * Writes one batch PDF to {@code target}: a cover sheet (facility, date, label, number of
	 * letters and pages, barcode of the batch code), then every letter in the given order.
	 * Letters are rendered to temporary files one by one, so memory does not grow with the
	 * batch.
	 * @return page counts of the cover and of each letter, in order
	 */
	public BatchLayout writeBatch(BatchCover cover, List<LetterContent> letters, Path target) {
		Path work = null;
		try {
			work = Files.createTempDirectory("postbrug-batch-");
			List<Path> parts = new ArrayList<>(letters.size() + 1);
			Path coverFile = work.resolve("0-cover.pdf");
			parts.add(coverFile);
			List<Integer> letterPages = new ArrayList<>(letters.size());
			int sum = 0;
			for (int i = 0; i < letters.size(); i++) {
				Path part = work.resolve((i + 1) + ".pdf");
				try (OutputStream out = Files.newOutputStream(part)) {
					int pages = this.pdf.letter(letters.get(i), out);
					letterPages.add(pages);
					sum += pages;
				}
				parts.add(part);
			}
			RenderedLetter coverPdf = this.pdf.cover(cover, letters.size(), sum);
			Files.write(coverFile, coverPdf.pdf());
			LetterPdf.merge(parts, target);
			return new BatchLayout(coverPdf.pages(), letterPages, coverPdf.pages() + sum);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write batch " + cover.batchCode() + " to " + target, ex);
		}
		finally {
			deleteQuietly(work);
		}
	}

	private static void deleteQuietly(Path dir) {
		if (dir == null) {
			return;
		}
		try (Stream<Path> files = Files.walk(dir)) {
			files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
		catch (IOException ex) {
			// a leftover temp folder is harmless; the batch itself succeeded or already failed
		}
	}

}
