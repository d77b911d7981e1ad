package nl.postbrug.letters;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Component;

import nl.postbrug.letters.pdf.LetterPdf;

/**
 * Turns letters into PDF/A-2b files: one letter at a time, or a whole batch behind a
 * cover sheet and manifest. The print templates are checked when the application starts
 * (a broken one stops it, naming the file and the reason) and again on {@link #reload()}.
 */
@Component
public class LetterRendering {

	private final LetterPdf pdf;

	LetterRendering(LettersProperties properties, Clock clock) {
		this.pdf = new LetterPdf(properties.templateDir(), clock);
	}

	/**
	 * Whether a letter prints {@code codePoint} as the sender wrote it. Anything else
	 * (Chinese, most emoji) prints as a visible {@code �} and is listed in
	 * {@link RenderedLetter#replacements()}; screening uses this to tell the screener
	 * before the letter is printed.
	 */
	public static boolean prints(int codePoint) {
		return LetterPdf.prints(codePoint);
	}

	/**
	 * The letter as the facility wants it printed. Characters no bundled font has print
	 * as {@code �} and are listed in {@link RenderedLetter#replacements()}.
	 */
	public RenderedLetter render(LetterContent letter, RenderOptions options) {
		return this.pdf.letter(letter, options);
	}

	/**
	 * The letter as printed on its own (a reprint): as {@link #render}, followed by its
	 * reply sheet when it has a reply code, just as in a batch.
	 * @param duplex start the reply sheet on a sheet of its own
	 */
	public RenderedLetter renderForPrint(LetterContent letter, RenderOptions options, boolean duplex) {
		return letter.replyCode() == null || !hasReplySheet() ? render(letter, options)
				: this.pdf.letterWithReplySheet(letter, options, duplex);
	}

	/**
	 * What {@code letter} will look like on paper, from the same template and renderer,
	 * for its sender to check before sending: {@code mark} (e.g. "VOORBEELD") is printed
	 * across every page, and the footer and barcode carry {@code code} instead of the
	 * letter's copy code, which is not a well-formed code
	 * ({@link CopyCodes#isWellFormed}) so that a preview printed at home is refused at
	 * the hand-over.
	 * @throws IllegalArgumentException when {@code code} is a well-formed copy code
	 */
	public RenderedLetter preview(LetterContent letter, RenderOptions options, String mark, String code) {
		if (CopyCodes.isWellFormed(code)) {
			throw new IllegalArgumentException("A preview must not carry a valid copy code");
		}
		return this.pdf.preview(letter, options, mark, code);
	}

	/**
	 * A reply sheet for the prisoner to answer {@code letter} on, if the template folder
	 * has a {@code reply.html}.
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
	 * Reads the print templates again after an admin edited them. Every template is
	 * checked (and trial-rendered) first; if one is broken, the templates in use stay in
	 * use.
	 * @return the templates now in use
	 * @throws BrokenTemplate naming the file and what is wrong with it
	 */
	public PrintTemplates reload() {
		return this.pdf.reload();
	}

	/** The print templates in use: folder, files and their version. */
	public PrintTemplates templates() {
		return this.pdf.inUse();
	}

	/**
	 * Writes one batch PDF to {@code target}: a cover sheet (facility, date, label,
	 * number of letters and pages, letters and pages per unit, barcode of the batch
	 * code), a manifest (one row per letter: unit, cell, name, registry number, copy
	 * code, pages, first page in this PDF), then every letter in the given order. All
	 * letters share one embedded font, so a text page costs a few KB. {@code letters} is
	 * read once, by index, one letter at a time, and page contents are buffered in a
	 * temporary file, so memory does not grow with the batch. The file appears at
	 * {@code target} only when complete.
	 * @param duplex add a blank page after the manifest and after each letter that ends
	 * on the front of a sheet, so that every letter starts on a new sheet
	 * @return page counts of cover plus manifest and of each letter, and where each
	 * letter starts
	 */
	public BatchLayout writeBatch(BatchCover cover, List<LetterContent> letters, RenderOptions options, boolean duplex,
			Path target) {
		return this.pdf.batch(cover, letters, options, duplex, target);
	}

}
