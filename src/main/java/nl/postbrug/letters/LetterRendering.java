package nl.postbrug.letters;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import nl.postbrug.letters.pdf.LetterPdf;

/**
 * Turns letters into PDF/A-2b files: one letter at a time, or a whole batch behind a cover
 * sheet and manifest. The print templates are checked when the application starts (a broken
 * one stops it, naming the file and the reason) and again on {@link #reload()}.
 */
@Component
public class LetterRendering {

	private final LetterPdf pdf;

	LetterRendering(LettersProperties properties, Clock clock) {
		this.pdf = new LetterPdf(properties.templateDir(), clock);
	}

	/** The letter with photos in colour. */
	public RenderedLetter render(LetterContent letter) {
		return render(letter, RenderOptions.DEFAULT);
	}

	/**
	 * The letter as the facility wants it printed. Characters no bundled font has print as
	 * {@code �} and are listed in {@link RenderedLetter#replacements()}.
	 */
	public RenderedLetter render(LetterContent letter, RenderOptions options) {
		return this.pdf.letter(letter, options);
	}

	/**
	 * A reply sheet for the prisoner to answer {@code letter} on, if the template folder has
	 * a {@code reply.html}.
	 * @throws IllegalStateException when there is no reply template
	 */
	public RenderedLetter replySheet(LetterContent letter) {
		return this.pdf.replySheet(letter);
	}

	/** Whether {@link #replySheet(LetterContent)} can be used. */
	public boolean hasReplySheet() {
		return this.pdf.hasReplySheet();
	}

	/**
	 * Reads the print templates again after an admin edited them. Every template is checked
	 * (and trial-rendered) first; if one is broken, the templates in use stay in use.
	 * @throws BrokenTemplate naming the file and what is wrong with it
	 */
	public void reload() {
		this.pdf.reload();
	}

	public BatchLayout writeBatch(BatchCover cover, List<LetterContent> letters, Path target) {
		return writeBatch(cover, letters, RenderOptions.DEFAULT, target);
	}

	/**
	 * Writes one batch PDF to {@code target}: a cover sheet (facility, date, label, number of
	 * letters and pages, barcode of the batch code), a manifest (one row per letter: unit,
	 * cell, name, registry number, copy code, pages), then every letter in the given order.
	 * Letters are rendered to temporary files one by one, so memory does not grow with the
	 * batch.
	 * @return page counts of cover plus manifest and of each letter, in order
	 */
	public BatchLayout writeBatch(BatchCover cover, List<LetterContent> letters, RenderOptions options, Path target) {
		Path work = null;
		try {
			work = Files.createTempDirectory("postbrug-batch-");
			List<Path> parts = new ArrayList<>(letters.size() + 2);
			Path coverFile = work.resolve("0-cover.pdf");
			Path manifestFile = work.resolve("0-manifest.pdf");
			parts.add(coverFile);
			parts.add(manifestFile);
			List<Integer> letterPages = new ArrayList<>(letters.size());
			int sum = 0;
			for (int i = 0; i < letters.size(); i++) {
				Path part = work.resolve((i + 1) + ".pdf");
				try (OutputStream out = Files.newOutputStream(part)) {
					int pages = this.pdf.letter(letters.get(i), options, out).pages();
					letterPages.add(pages);
					sum += pages;
				}
				parts.add(part);
			}
			RenderedLetter coverPdf = this.pdf.cover(cover, letters.size(), sum);
			Files.write(coverFile, coverPdf.pdf());
			RenderedLetter manifestPdf = this.pdf.manifest(cover, letters, letterPages);
			Files.write(manifestFile, manifestPdf.pdf());
			LetterPdf.merge(parts, target);
			int front = coverPdf.pages() + manifestPdf.pages();
			return new BatchLayout(front, letterPages, front + sum);
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
