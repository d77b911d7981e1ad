package nl.postbrug.intake;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.springframework.stereotype.Component;

/**
 * Checks photos and re-encodes them, so that what is stored and printed carries no
 * metadata and was decoded by us at least once. The type comes from the magic bytes,
 * never from a file name or a declared content type; the pixel count is read from the
 * header before anything is decoded.
 */
@Component
public class PhotoCheck {

	private static final long DECODED_PIXELS = 6_000_000;

	private final IntakeSettings settings;

	PhotoCheck(IntakeSettings settings) {
		this.settings = settings;
	}

	public CheckedPhoto check(String name, byte[] bytes) {
		if (bytes.length == 0) {
			throw new PhotoRefused(IntakeReason.PHOTO_EMPTY.with(name));
		}
		if (bytes.length > settings.maxPhotoBytes()) {
			throw new PhotoRefused(
					IntakeReason.PHOTO_TOO_LARGE.with(name, bytes.length / 1024, settings.maxPhotoBytes() / 1024));
		}
		String format = formatOf(bytes);
		if (format == null) {
			throw new PhotoRefused(IntakeReason.PHOTO_NOT_A_PHOTO.with(name));
		}
		try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
			Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
			if (!readers.hasNext()) {
				throw new IllegalStateException("No image reader for " + format);
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(in, true, true);
				long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
				if (pixels > settings.maxPhotoPixels()) {
					throw new PhotoRefused(IntakeReason.PHOTO_TOO_MANY_PIXELS.with(name, pixels / 1_000_000,
							settings.maxPhotoPixels() / 1_000_000));
				}
				// Letters print photos at a fixed size: decode big ones subsampled, which
				// bounds heap and time.
				javax.imageio.ImageReadParam param = reader.getDefaultReadParam();
				int step = (int) Math.ceil(Math.sqrt((double) pixels / DECODED_PIXELS));
				if (step > 1) {
					param.setSourceSubsampling(step, step, 0, 0);
				}
				BufferedImage image = reader.read(0, param);
				return new CheckedPhoto("image/jpeg", toJpeg(image));
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof PhotoRefused refused) {
				throw refused;
			}
			throw new PhotoRefused(IntakeReason.PHOTO_DAMAGED.with(name, format));
		}
	}

	private static byte[] toJpeg(BufferedImage image) throws IOException {
		// JPEG has no alpha channel: draw onto white first, which also drops any colour
		// profile quirks.
		BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
		var graphics = rgb.createGraphics();
		graphics.setColor(java.awt.Color.WHITE);
		graphics.fillRect(0, 0, rgb.getWidth(), rgb.getHeight());
		graphics.drawImage(image, 0, 0, null);
		graphics.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		if (!ImageIO.write(rgb, "jpeg", out)) {
			throw new IOException("No JPEG writer");
		}
		return out.toByteArray();
	}

	/** Whether the first bytes are those of a JPEG or PNG file. */
	public static boolean isPhoto(byte[] head) {
		return formatOf(head) != null;
	}

	static String formatOf(byte[] b) {
		if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
			return "jpeg";
		}
		if (b.length >= 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G' && b[4] == 0x0D
				&& b[5] == 0x0A && b[6] == 0x1A && b[7] == 0x0A) {
			return "png";
		}
		return null;
	}

}
