package nl.postbrug.letters.pdf;

import nl.postbrug.Sha256;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageTree;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import com.openhtmltopdf.bidi.support.ICUBidiReorderer;
import com.openhtmltopdf.bidi.support.ICUBidiSplitter;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.TextDirection;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder.CacheStore;
import com.openhtmltopdf.render.DefaultObjectDrawerFactory;
import com.openhtmltopdf.util.XRLog;

import nl.postbrug.letters.BatchCover;
import nl.postbrug.letters.BatchLayout;
import nl.postbrug.letters.LetterContent;
import nl.postbrug.letters.RenderOptions;

/**
 * Lays out a whole batch into one PDF document: every letter, then cover sheet and
 * manifest, which are moved to the front. The DejaVu faces are loaded once per batch, so
 * the embedded subset holds every glyph of the batch once instead of once per letter
 * (about 12 KB saved per letter). Page contents and photos are buffered in a temporary
 * file, not on the heap; only a manifest row per letter is kept.
 */
final class BatchPdf {

	static {
		XRLog.setLoggingEnabled(false);
	}

	private static final ICUBidiReorderer REORDERER = new ICUBidiReorderer();

	private static final QrOutline QR = new QrOutline();

	private final LetterPdf templates;

	private final Clock clock;

	BatchPdf(LetterPdf templates, Clock clock) {
		this.templates = templates;
		this.clock = clock;
	}

	BatchLayout write(BatchCover cover, List<LetterContent> letters, RenderOptions options, boolean duplex,
			Path target) {
		Path part = target.resolveSibling(target.getFileName() + ".part");
		try (PDDocument doc = new PDDocument(IOUtils.createTempFileOnlyStreamCache())) {
			PDFont regular = PDType0Font.load(doc, Fonts.Cut.WHOLE.regular(), true);
			PDFont bold = PDType0Font.load(doc, Fonts.Cut.WHOLE.bold(), true);
			MessageDigest md = Sha256.digest();
			md.update(cover.batchCode().getBytes(StandardCharsets.UTF_8));

			int count = letters.size();
			List<Integer> letterPages = new ArrayList<>(count);
			List<Integer> offsets = new ArrayList<>(count);
			List<Map<String, String>> rows = new ArrayList<>(count);
			Map<String, int[]> units = new LinkedHashMap<>();
			int letterSum = 0;
			// by index: the caller's list may load each letter only when asked for it
			for (int i = 0; i < count; i++) {
				LetterContent letter = letters.get(i);
				md.update(letter.copyCode().getBytes(StandardCharsets.US_ASCII));
				if (letter.replyCode() != null) {
					md.update(letter.replyCode().getBytes(StandardCharsets.US_ASCII));
				}
				offsets.add(doc.getNumberOfPages());
				LetterPdf.Filled filled = this.templates.filledLetter(letter, options);
				int pages = render(doc, regular, bold, filled, -1);
				if (duplex && pages % 2 == 1) {
					blankPage(doc);
				}
				// The reply sheet travels with its letter and counts among its pages; in
				// duplex it starts on a sheet of its own, so it can be torn off and
				// written on.
				LetterPdf.Filled reply = this.templates.filledReply(letter);
				if (reply != null) {
					int replyPages = render(doc, regular, bold, reply, -1);
					pages += replyPages;
					if (duplex && replyPages % 2 == 1) {
						blankPage(doc);
					}
				}
				letterPages.add(pages);
				letterSum += pages;
				rows.add(LetterPdf.manifestRow(i + 1, letter, pages));
				int[] unit = units.computeIfAbsent(letter.unit(), u -> new int[2]);
				unit[0]++;
				unit[1] += pages;
			}
			int lettersEnd = doc.getNumberOfPages();

			List<Map<String, String>> unitRows = new ArrayList<>(units.size());
			units.forEach((unit, n) -> unitRows.add(Map.of("unit", unit, "letterCount", Integer.toString(n[0]),
					"letterPages", Integer.toString(n[1]))));
			int coverPages = render(doc, regular, bold, this.templates.filledCover(cover, count, letterSum, unitRows),
					-1);
			// the manifest names each letter's first page, which depends on the
			// manifest's own length
			int manifestPages = 1;
			for (int attempt = 0;; attempt++) {
				int front = padded(coverPages + manifestPages, duplex);
				for (int i = 0; i < count; i++) {
					rows.get(i).put("firstPage", Integer.toString(front + offsets.get(i) + 1));
				}
				LetterPdf.Filled manifest = this.templates.filledManifest(cover, letterSum, rows);
				int pages = render(doc, regular, bold, manifest, attempt < 3 ? manifestPages : -1);
				if (pages > 0) {
					manifestPages = pages;
					break;
				}
				manifestPages = -pages;
			}
			int frontPages = coverPages + manifestPages;
			if (duplex && frontPages % 2 == 1) {
				blankPage(doc);
				frontPages++;
			}
			moveToFront(doc, lettersEnd, frontPages);

			List<Integer> firstPages = new ArrayList<>(count);
			for (int offset : offsets) {
				firstPages.add(frontPages + offset + 1);
			}
			PdfA.apply(doc, this.clock.instant(), Arrays.copyOf(md.digest(), 16));
			try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(part), 1 << 16)) {
				// plain objects, as for single letters: object streams would make the
				// bytes vary
				doc.save(out, CompressParameters.NO_COMPRESSION);
			}
			Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			return new BatchLayout(frontPages, letterPages, doc.getNumberOfPages(), firstPages, duplex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write batch " + cover.batchCode() + " to " + target, ex);
		}
		finally {
			try {
				Files.deleteIfExists(part);
			}
			catch (IOException ex) {
				// a leftover partial file is overwritten by the next attempt
			}
		}
	}

	/** A document written in memory, with its page count. */
	record Written(byte[] pdf, int pages) {
	}

	/**
	 * One letter and then its reply sheet, in one document with one embedded font, as the
	 * pair appears in a batch: in duplex the sheet starts on a sheet of its own.
	 */
	Written letterWithReplySheet(LetterPdf.Filled letter, LetterPdf.Filled reply, boolean duplex, byte[] id) {
		try (PDDocument doc = new PDDocument()) {
			PDFont regular = PDType0Font.load(doc, Fonts.Cut.WHOLE.regular(), true);
			PDFont bold = PDType0Font.load(doc, Fonts.Cut.WHOLE.bold(), true);
			int pages = render(doc, regular, bold, letter, -1);
			if (duplex && pages % 2 == 1) {
				blankPage(doc);
			}
			render(doc, regular, bold, reply, -1);
			PdfA.apply(doc, this.clock.instant(), id);
			java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(64 * 1024);
			doc.save(out, CompressParameters.NO_COMPRESSION);
			return new Written(out.toByteArray(), doc.getNumberOfPages());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write a letter with its reply sheet", ex);
		}
	}

	private static int padded(int pages, boolean duplex) {
		return duplex && pages % 2 == 1 ? pages + 1 : pages;
	}

	/**
	 * Lays out {@code filled} and appends its pages to {@code doc}, drawing text with the
	 * batch's fonts.
	 * @param expectedPages when not negative, the page count the caller has assumed: if
	 * the layout has another count, nothing is written and minus that count is returned
	 * @return the number of pages appended
	 */
	private static int render(PDDocument doc, PDFont regular, PDFont bold, LetterPdf.Filled filled, int expectedPages) {
		PdfRendererBuilder builder = new PdfRendererBuilder();
		builder.useFastMode();
		builder.usePDDocument(doc);
		builder.withProducer("Postbrug");
		builder.useCacheStore(CacheStore.PDF_FONT_METRICS, Fonts.METRICS);
		builder.useFont(new PDFontSupplier(regular), Fonts.FAMILY, 400, FontStyle.NORMAL, true);
		builder.useFont(new PDFontSupplier(bold), Fonts.FAMILY, 700, FontStyle.NORMAL, true);
		if (filled.bidi()) {
			builder.useUnicodeBidiSplitter(new ICUBidiSplitter.ICUBidiSplitterFactory());
			builder.useUnicodeBidiReorderer(REORDERER);
			builder.defaultTextDirection(TextDirection.LTR);
		}
		DefaultObjectDrawerFactory drawers = new DefaultObjectDrawerFactory();
		drawers.registerDrawer(QrOutline.TYPE, QR);
		builder.useObjectDrawerFactory(drawers);
		builder.useExternalResourceAccessControl((uri, type) -> uri.startsWith("data:"),
				ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
		builder.withW3cDocument(filled.xhtml(), filled.baseUri());
		try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
			renderer.layout();
			if (expectedPages >= 0) {
				int laidOut = renderer.getRootBox().getLayer().getPages().size();
				if (laidOut != expectedPages) {
					return -laidOut;
				}
			}
			int before = doc.getNumberOfPages();
			renderer.createPDFWithoutClosing();
			return doc.getNumberOfPages() - before;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not render a PDF from template " + filled.templateName(), ex);
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException("Could not render a PDF from template " + filled.templateName() + ": " + ex,
					ex);
		}
	}

	/**
	 * An empty page the size of the last one, so the next letter starts on a new sheet.
	 */
	private static void blankPage(PDDocument doc) {
		PDRectangle size = doc.getNumberOfPages() == 0 ? PDRectangle.A4
				: doc.getPage(doc.getNumberOfPages() - 1).getMediaBox();
		PDPage blank = new PDPage(new PDRectangle(size.getWidth(), size.getHeight()));
		blank.setResources(new PDResources());
		doc.addPage(blank);
	}

	/**
	 * Moves the last {@code count} pages, starting at index {@code from}, before the
	 * first page.
	 */
	private static void moveToFront(PDDocument doc, int from, int count) {
		PDPageTree pages = doc.getPages();
		if (from == 0) {
			return;
		}
		List<PDPage> front = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			front.add(pages.get(from + i));
		}
		PDPage first = pages.get(0);
		for (PDPage page : front) {
			pages.remove(page);
			pages.insertBefore(page, first);
		}
	}

}
