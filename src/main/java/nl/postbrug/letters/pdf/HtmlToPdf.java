package nl.postbrug.letters.pdf;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;

import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.w3c.dom.Document;

import com.openhtmltopdf.bidi.support.ICUBidiReorderer;
import com.openhtmltopdf.bidi.support.ICUBidiSplitter;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.TextDirection;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder.CacheStore;
import com.openhtmltopdf.render.DefaultObjectDrawerFactory;
import com.openhtmltopdf.util.XRLog;

/** Lays out one filled XHTML document with openhtmltopdf and writes a PDF/A-2b file. */
final class HtmlToPdf {

	static {
		// its logging costs ~1.5 ms per document and only repeats what our exceptions say
		XRLog.setLoggingEnabled(false);
	}

	/** Stateless apart from ICU's immutable shapers, so one serves every thread. */
	private static final ICUBidiReorderer REORDERER = new ICUBidiReorderer();

	private static final QrOutline QR = new QrOutline();

	private HtmlToPdf() {
	}

	/**
	 * A subset-embedded font for one document. PDFBox first writes the widths of all
	 * ~6,000 glyphs into the font's {@code W} array and reads them into its width table;
	 * when the font is then added to a page, PDFBox walks that whole array to mark it for
	 * saving (~4 % of a letter). Saving replaces the array with the widths of the subset
	 * anyway, so it is emptied here: measuring still uses the width table, and the output
	 * is byte for byte the same.
	 */
	static PDType0Font font(PDDocument doc, TrueTypeFont ttf) throws IOException {
		PDType0Font font = PDType0Font.load(doc, ttf, true);
		font.getDescendantFont().getCOSObject().setItem(COSName.W, new COSArray());
		return font;
	}

	/**
	 * Writes the PDF to {@code out} and returns its page count.
	 * @param bidi whether the text holds right-to-left scripts (Arabic, Hebrew): then it
	 * is reordered and shaped by ICU; Latin-only letters skip that work
	 * @param created creation date written into the PDF
	 * @param id document ID, derived from the input so that output is reproducible
	 */
	static int render(Document xhtml, String baseUri, String templateName, boolean bidi, Instant created, byte[] id,
			OutputStream out) {
		return render(xhtml, baseUri, templateName, bidi, created, id, Fonts.cutFor(xhtml), out);
	}

	/**
	 * As above, drawn with the given cut of the fonts (which must hold every character
	 * printed).
	 */
	static int render(Document xhtml, String baseUri, String templateName, boolean bidi, Instant created, byte[] id,
			Fonts.Cut cut, OutputStream out) {
		try (PDDocument doc = new PDDocument(IOUtils.createMemoryOnlyStreamCache())) {
			PdfRendererBuilder builder = new PdfRendererBuilder();
			builder.useFastMode();
			builder.usePDDocument(doc);
			builder.withProducer("Postbrug");
			builder.useCacheStore(CacheStore.PDF_FONT_METRICS, Fonts.METRICS);
			builder.useFont(new PDFontSupplier(font(doc, cut.regular())), Fonts.FAMILY, 400, FontStyle.NORMAL, true);
			builder.useFont(new PDFontSupplier(font(doc, cut.bold())), Fonts.FAMILY, 700, FontStyle.NORMAL, true);
			if (bidi) {
				builder.useUnicodeBidiSplitter(new ICUBidiSplitter.ICUBidiSplitterFactory());
				builder.useUnicodeBidiReorderer(REORDERER);
				builder.defaultTextDirection(TextDirection.LTR);
			}
			DefaultObjectDrawerFactory drawers = new DefaultObjectDrawerFactory();
			drawers.registerDrawer(QrOutline.TYPE, QR);
			builder.useObjectDrawerFactory(drawers);
			// templates and letters never need anything from outside: photos are data
			// URIs
			builder.useExternalResourceAccessControl((uri, type) -> uri.startsWith("data:"),
					com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
			builder.withW3cDocument(xhtml, baseUri);
			try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
				renderer.layout();
				renderer.createPDFWithoutClosing();
				int pages = doc.getNumberOfPages();
				PdfA.apply(doc, created, id);
				// PDFBox orders compressed object streams by identity hash: plain objects
				// keep output reproducible
				doc.save(out, CompressParameters.NO_COMPRESSION);
				return pages;
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not render a PDF from template " + templateName, ex);
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException("Could not render a PDF from template " + templateName + ": " + ex, ex);
		}
	}

}
