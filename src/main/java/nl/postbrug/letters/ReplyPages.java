package nl.postbrug.letters;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * A scanned reply sheet: its reply code, the page turned upright, cut to the writing area
 * of {@code print-templates/reply.html}, and that area as a PDF for the sender. Only the
 * writing area leaves the prison: the header with the prisoner's registry number and cell
 * and the footer with the codes stay behind.
 */
public final class ReplyPages {

	private static final double A4_WIDTH_MM = 210;

	private static final double A4_HEIGHT_MM = 297;

	/*
	 * reply.html puts the frame 18 mm from each side and 48 to 248 mm from the top; two
	 * millimetres more on every side keep a stroke on the frame and a sheet fed a little
	 * askew.
	 */
	private static final double LEFT_MM = 16;

	private static final double RIGHT_MM = 194;

	private static final double TOP_MM = 46;

	private static final double BOTTOM_MM = 250;

	private ReplyPages() {
	}

	/**
	 * A page read from a scan.
	 *
	 * @param code the reply code on it, normalised; {@code null} when it shows none
	 * (another kind of code counts as none)
	 * @param writing the writing area, upright, in grey; {@code null} without a code, as
	 * the page's orientation is then unknown
	 */
	public record Read(String code, BufferedImage writing) {
	}

	/** The reply code on {@code page} and its writing area. */
	public static Read read(BufferedImage page) {
		Optional<BarcodeReader.Found> found = BarcodeReader.find(page);
		if (found.isEmpty() || !ReplyCodes.isWellFormed(found.get().text())) {
			return new Read(null, null);
		}
		BufferedImage upright = BarcodeReader.turned(BarcodeReader.grey(page), -found.get().quarterTurns());
		return new Read(ReplyCodes.normalise(found.get().text()), writingArea(upright));
	}

	/**
	 * The writing area of an upright page whose code was typed by staff: the page is
	 * taken as it is (a portrait page upright, a landscape one turned to portrait).
	 */
	public static BufferedImage writingAreaAsScanned(BufferedImage page) {
		BufferedImage grey = BarcodeReader.grey(page);
		return writingArea(grey.getWidth() > grey.getHeight() ? BarcodeReader.turned(grey, 1) : grey);
	}

	/**
	 * The frame's part of the page, measured as a share of the page: a scanner delivers
	 * the whole sheet, at whatever resolution.
	 */
	static BufferedImage writingArea(BufferedImage upright) {
		int w = upright.getWidth();
		int h = upright.getHeight();
		int x0 = (int) Math.round(w * LEFT_MM / A4_WIDTH_MM);
		int x1 = (int) Math.round(w * RIGHT_MM / A4_WIDTH_MM);
		int y0 = (int) Math.round(h * TOP_MM / A4_HEIGHT_MM);
		int y1 = (int) Math.round(h * BOTTOM_MM / A4_HEIGHT_MM);
		BufferedImage area = new BufferedImage(x1 - x0, y1 - y0, BufferedImage.TYPE_BYTE_GRAY);
		area.getGraphics().drawImage(upright.getSubimage(x0, y0, x1 - x0, y1 - y0), 0, 0, null);
		return area;
	}

	/** One page, the size of the writing area on paper, showing {@code writing}. */
	public static byte[] pdf(BufferedImage writing) {
		float width = (float) ((RIGHT_MM - LEFT_MM) / 25.4 * 72);
		float height = (float) ((BOTTOM_MM - TOP_MM) / 25.4 * 72);
		try (PDDocument doc = new PDDocument()) {
			PDPage page = new PDPage(new PDRectangle(width, height));
			doc.addPage(page);
			PDImageXObject image = JPEGFactory.createFromImage(doc, writing, 0.85f);
			try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
				content.drawImage(image, 0, 0, width, height);
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			doc.save(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write the reply as PDF", ex);
		}
	}

	/**
	 * The writing area of a PDF written by {@link #pdf}, as PNG: for screening's checks.
	 */
	public static byte[] pngOf(byte[] pdf) {
		try (PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
			var resources = doc.getPage(0).getResources();
			for (var name : resources.getXObjectNames()) {
				if (resources.getXObject(name) instanceof PDImageXObject image) {
					return png(image.getImage());
				}
			}
			throw new IllegalArgumentException("The reply PDF shows no image");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the reply PDF", ex);
		}
	}

	/** The scanned page as PNG, for the staff queue of pages without a readable code. */
	public static byte[] png(BufferedImage page) {
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			javax.imageio.ImageIO.write(BarcodeReader.grey(page), "png", out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A PNG written by {@link #png}, read back. */
	public static BufferedImage fromPng(byte[] png) {
		try {
			BufferedImage image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
			if (image == null) {
				throw new IllegalArgumentException("Not an image");
			}
			return image;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
