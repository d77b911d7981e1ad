package nl.postbrug.letters;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.Binarizer;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.ReaderException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

/** Reads the 2-D barcode printed on each page, as a scanner would see it. */
public final class BarcodeReader {

	private BarcodeReader() {
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
				codes.add(decode(renderer.renderImageWithDPI(page, dpi, ImageType.GRAY)));
			}
			return codes;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Not a readable PDF", ex);
		}
	}

	/**
	 * ZXing's local-threshold binarizer first (it copes with uneven scans); if it finds
	 * nothing, the global-histogram one, which reads the rare clean symbol whose modules
	 * the local thresholds split.
	 */
	static String decode(BufferedImage image) {
		BufferedImageLuminanceSource source = new BufferedImageLuminanceSource(image);
		String text = decode(new HybridBinarizer(source), true);
		if (text == null) {
			text = decode(new GlobalHistogramBinarizer(source), true);
		}
		if (text == null) {
			text = decode(new HybridBinarizer(source), false);
		}
		if (text == null) {
			text = decodeInWindows(image);
		}
		return text;
	}

	/**
	 * Last resort for the rare page whose lines of text the finder takes for finder
	 * patterns: look at overlapping windows of half the page's width and height, as they
	 * are and enlarged twice, so the symbol is the largest thing in view. Only pages that
	 * failed pay for this.
	 */
	private static String decodeInWindows(BufferedImage image) {
		int width = image.getWidth() / 2;
		int height = image.getHeight() / 2;
		for (int scale = 1; scale <= 2; scale++) {
			for (int y = 0; y + height <= image.getHeight(); y += height / 2) {
				for (int x = 0; x + width <= image.getWidth(); x += width / 2) {
					BufferedImage window = enlarged(image.getSubimage(x, y, width, height), scale);
					BufferedImageLuminanceSource source = new BufferedImageLuminanceSource(window);
					String text = decode(new HybridBinarizer(source), true);
					if (text == null) {
						text = decode(new GlobalHistogramBinarizer(source), true);
					}
					if (text != null) {
						return text;
					}
				}
			}
		}
		return null;
	}

	private static BufferedImage enlarged(BufferedImage image, int scale) {
		if (scale == 1) {
			return image;
		}
		BufferedImage larger = new BufferedImage(image.getWidth() * scale, image.getHeight() * scale,
				BufferedImage.TYPE_BYTE_GRAY);
		Graphics2D g = larger.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
			g.drawImage(image, 0, 0, larger.getWidth(), larger.getHeight(), null);
		}
		finally {
			g.dispose();
		}
		return larger;
	}

	private static String decode(Binarizer binarizer, boolean tryHarder) {
		Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
		hints.put(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE));
		if (tryHarder) {
			hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
		}
		try {
			return new QRCodeReader().decode(new BinaryBitmap(binarizer), hints).getText();
		}
		catch (ReaderException ex) {
			return null;
		}
	}

}
