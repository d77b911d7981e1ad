package nl.postbrug.letters.pdf;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder.CacheStore;
import com.openhtmltopdf.render.DefaultObjectDrawerFactory;
import com.openhtmltopdf.util.XRLog;

/** Lays out one merged XHTML document with openhtmltopdf and writes the PDF. */
final class HtmlToPdf {

	static {
		// its logging costs ~1.5 ms per document and only repeats what our exceptions say
		XRLog.setLoggingEnabled(false);
	}

	private HtmlToPdf() {
	}

	/** Writes the PDF to {@code out} and returns its page count. */
	static int render(String xhtml, String baseUri, String templateName, OutputStream out) {
		try (PDDocument doc = new PDDocument(IOUtils.createMemoryOnlyStreamCache())) {
			PdfRendererBuilder builder = new PdfRendererBuilder();
			builder.useFastMode();
			builder.usePDDocument(doc);
			builder.withProducer("Postbrug");
			builder.useCacheStore(CacheStore.PDF_FONT_METRICS, Fonts.METRICS);
			builder.useFont(new PDFontSupplier(PDType0Font.load(doc, Fonts.regular(), true)), Fonts.FAMILY, 400,
					FontStyle.NORMAL, true);
			builder.useFont(new PDFontSupplier(PDType0Font.load(doc, Fonts.bold(), true)), Fonts.FAMILY, 700,
					FontStyle.NORMAL, true);
			DefaultObjectDrawerFactory drawers = new DefaultObjectDrawerFactory();
			drawers.registerDrawer(QrDrawer.TYPE, new QrDrawer());
			builder.useObjectDrawerFactory(drawers);
			builder.withHtmlContent(xhtml, baseUri);
			try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
				renderer.layout();
				renderer.createPDFWithoutClosing();
				int pages = doc.getNumberOfPages();
				doc.save(out);
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
