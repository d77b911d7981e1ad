package nl.postbrug.letters;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * What a scanner reads off each page of a rendered PDF, for tests that check what was
 * printed; the service itself reads scans, never its own PDFs.
 */
public final class PrintedCodes {

	private PrintedCodes() {
	}

	/**
	 * Renders every page at {@code dpi} (greyscale) and decodes its QR code.
	 * @return one entry per page: the decoded text, or {@code null} when none was found
	 */
	public static List<String> decodeEachPage(byte[] pdf, int dpi) {
		try (PDDocument doc = Loader.loadPDF(pdf)) {
			PDFRenderer renderer = new PDFRenderer(doc);
			List<String> codes = new ArrayList<>(doc.getNumberOfPages());
			for (int page = 0; page < doc.getNumberOfPages(); page++) {
				codes.add(BarcodeReader.decode(renderer.renderImageWithDPI(page, dpi, ImageType.GRAY)));
			}
			return codes;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Not a readable PDF", ex);
		}
	}

}
