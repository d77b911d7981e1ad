package nl.postbrug.letters;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.qrcode.QRCodeMultiReader;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * The barcodes on a scanned file: a PNG or JPEG image, or a PDF of scanned pages (signed
 * delivery lists or the letters themselves). Every QR code on every page is read. A file
 * is refused before any decoding when it is not one of those, has too many pages, pages
 * or images too large to render safely, or is encrypted: a hostile upload costs a look at
 * its header, not the heap.
 */
public final class ScannedPages {

	/**
	 * Why a file is not read; {@code code} names it for the words, {@code args} fill
	 * them.
	 */
	public static class Refused extends RuntimeException {

		private final String code;

		private final List<Object> args;

		public Refused(String code, String detail, Object... args) {
			super(detail);
			this.code = code;
			this.args = List.of(args);
		}

		public String code() {
			return code;
		}

		public List<Object> args() {
			return args;
		}

	}

	/**
	 * @param maxBytes the largest file read
	 * @param maxPages the most pages of a PDF
	 * @param maxPixels the most pixels of an image, or of a page rendered at the dpi
	 * @param dpi the resolution PDF pages are rendered at
	 */
	public record Limits(long maxBytes, int maxPages, long maxPixels, int dpi) {

		public static final Limits DEFAULT = new Limits(10L * 1024 * 1024, 50, 40_000_000L, 200);

	}

	/** What was read: the codes in the order they were found, each once. */
	public record Read(int pages, int pagesWithoutCode, List<String> codes) {
	}

	private static final byte[] PDF = { '%', 'P', 'D', 'F', '-' };

	private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G' };

	private static final byte[] JPEG = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF };

	private ScannedPages() {
	}

	public static Read read(byte[] file, Limits limits) {
		List<List<String>> found = new ArrayList<>();
		eachPage(file, limits, (number, image) -> found.add(decodeAll(image)));
		return collect(found);
	}

	/** Takes the pages of a scanned file one at a time, in order. */
	@FunctionalInterface
	public interface PageHandler {

		/**
		 * @param number the page's number in the file, from 1
		 * @param image the page in shades of grey (a PDF's page rendered at the dpi)
		 */
		void page(int number, BufferedImage image);

	}

	/**
	 * Hands every page of the file to {@code handler}, one at a time, after the same
	 * checks as {@link #read}: only one rendered page is held at once.
	 * @throws Refused when the file is not a readable scan within the limits
	 */
	public static void eachPage(byte[] file, Limits limits, PageHandler handler) {
		if (file == null || file.length == 0) {
			throw new Refused("scan.empty", "The file is empty");
		}
		if (file.length > limits.maxBytes()) {
			throw new Refused("scan.too-large",
					"The file has " + file.length + " bytes; at most " + limits.maxBytes() + " are read",
					file.length / 1024, limits.maxBytes() / 1024);
		}
		if (startsWith(file, PDF)) {
			pdf(file, limits, handler);
			return;
		}
		if (startsWith(file, PNG) || startsWith(file, JPEG)) {
			handler.page(1, BarcodeReader.grey(image(file, limits)));
			return;
		}
		throw new Refused("scan.not-a-scan", "Only a PDF, PNG or JPEG file can be read");
	}

	private static void pdf(byte[] file, Limits limits, PageHandler handler) {
		try (PDDocument doc = Loader.loadPDF(file, "", null, null,
				MemoryUsageSetting.setupMainMemoryOnly(limits.maxBytes() * 4).streamCache)) {
			if (doc.isEncrypted()) {
				throw new Refused("scan.encrypted", "The PDF is encrypted");
			}
			int pages = doc.getNumberOfPages();
			if (pages == 0) {
				throw new Refused("scan.empty", "The PDF has no pages");
			}
			if (pages > limits.maxPages()) {
				throw new Refused("scan.too-many-pages",
						"The PDF has " + pages + " pages; at most " + limits.maxPages() + " are read", pages,
						limits.maxPages());
			}
			for (int i = 0; i < pages; i++) {
				check(doc.getPage(i), i + 1, limits);
			}
			PDFRenderer renderer = new PDFRenderer(doc);
			for (int i = 0; i < pages; i++) {
				handler.page(i + 1, renderer.renderImageWithDPI(i, limits.dpi(), ImageType.GRAY));
			}
		}
		catch (IOException ex) {
			throw new Refused("scan.unreadable", "The PDF cannot be read: " + ex.getMessage());
		}
	}

	/**
	 * The page's size at the dpi and every image it draws, before anything is rendered.
	 */
	private static void check(PDPage page, int number, Limits limits) throws IOException {
		PDRectangle box = page.getCropBox();
		double pixels = (box.getWidth() / 72.0 * limits.dpi()) * (box.getHeight() / 72.0 * limits.dpi());
		if (!(pixels > 0) || pixels > limits.maxPixels()) {
			throw new Refused("scan.page-too-large", "Page " + number + " is " + Math.round(box.getWidth() / 72 * 25.4)
					+ " x " + Math.round(box.getHeight() / 72 * 25.4) + " mm, too large to read", number);
		}
		checkImages(page.getResources(), number, limits, 0);
	}

	private static void checkImages(PDResources resources, int page, Limits limits, int depth) throws IOException {
		if (resources == null) {
			return;
		}
		if (depth > 5) {
			throw new Refused("scan.page-too-large", "Page " + page + " nests its drawings too deeply", page);
		}
		for (COSName name : resources.getXObjectNames()) {
			PDXObject object = resources.getXObject(name);
			if (object instanceof PDImageXObject image) {
				if ((long) image.getWidth() * image.getHeight() > limits.maxPixels()) {
					throw new Refused("scan.page-too-large", "Page " + page + " holds an image of " + image.getWidth()
							+ " x " + image.getHeight() + " pixels, too large to read", page);
				}
			}
			else if (object instanceof PDFormXObject form) {
				checkImages(form.getResources(), page, limits, depth + 1);
			}
		}
	}

	private static BufferedImage image(byte[] file, Limits limits) {
		try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(file))) {
			Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
			if (!readers.hasNext()) {
				throw new Refused("scan.unreadable", "The image cannot be read");
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(in, true, true);
				long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
				if (pixels > limits.maxPixels()) {
					throw new Refused("scan.page-too-large", "The image has " + reader.getWidth(0) + " x "
							+ reader.getHeight(0) + " pixels, too large to read", 1);
				}
				return reader.read(0);
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof Refused refused) {
				throw refused;
			}
			throw new Refused("scan.unreadable", "The image cannot be read: " + ex.getMessage());
		}
	}

	private static Read collect(List<List<String>> perPage) {
		Set<String> codes = new LinkedHashSet<>();
		int without = 0;
		for (List<String> page : perPage) {
			if (page.isEmpty()) {
				without++;
			}
			codes.addAll(page);
		}
		return new Read(perPage.size(), without, List.copyOf(codes));
	}

	/**
	 * Every QR code on the image; where the multi-reader finds none, the page reader's
	 * one.
	 */
	static List<String> decodeAll(BufferedImage image) {
		Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
		hints.put(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE));
		hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
		List<String> codes = new ArrayList<>();
		try {
			for (Result result : new QRCodeMultiReader().decodeMultiple(
					new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))), hints)) {
				if (!codes.contains(result.getText())) {
					codes.add(result.getText());
				}
			}
		}
		catch (NotFoundException ex) {
			String one = BarcodeReader.decode(image);
			if (one != null) {
				codes.add(one);
			}
		}
		return codes;
	}

	private static boolean startsWith(byte[] file, byte[] magic) {
		if (file.length < magic.length) {
			return false;
		}
		for (int i = 0; i < magic.length; i++) {
			if (file[i] != magic[i]) {
				return false;
			}
		}
		return true;
	}

}
