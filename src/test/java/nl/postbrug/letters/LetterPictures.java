package nl.postbrug.letters;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Real letters, rendered from the print templates and rasterised, for tests elsewhere
 * that need a picture of one (a camera frame, a scan).
 */
public final class LetterPictures {

	private LetterPictures() {
	}

	/** The first page of a letter carrying {@code code}, rasterised at {@code dpi}. */
	public static BufferedImage page(String code, int dpi) {
		LetterContent letter = new LetterContent("PI Amsterdam", "Jan de Vries", "1000000001", "B", "B-2.01",
				"Anna de Vries", java.time.LocalDate.of(2026, 12, 1), "Lieve Jan,\n\nTot zondag!\n\nAnna",
				java.util.List.of(), code);
		byte[] pdf = LetterFixtures.rendering().render(letter, RenderOptions.DEFAULT).pdf();
		try (PDDocument doc = Loader.loadPDF(pdf)) {
			return new PDFRenderer(doc).renderImageWithDPI(0, dpi, ImageType.RGB);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The image as a browser's {@code canvas.toBlob('image/jpeg', quality)} gives it. */
	public static byte[] jpeg(BufferedImage image, float quality) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
			writer.setOutput(stream);
			ImageWriteParam param = writer.getDefaultWriteParam();
			param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
			param.setCompressionQuality(quality);
			writer.write(null, new IIOImage(image, null, null), param);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			writer.dispose();
		}
		return out.toByteArray();
	}

}
