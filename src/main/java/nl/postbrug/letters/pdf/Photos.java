package nl.postbrug.letters.pdf;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/** Photos as the template receives them: a data URI and whether they are wide or tall. */
final class Photos {

	record Photo(String dataUri, boolean wide) {
	}

	private Photos() {
	}

	static Photo prepare(byte[] photo, int index, boolean greyscale) {
		if (greyscale) {
			byte[] grey = toGrey(photo, index);
			return new Photo("data:image/jpeg;base64," + Base64.getEncoder().encodeToString(grey), isWide(grey, index));
		}
		String type = isPng(photo) ? "image/png" : "image/jpeg";
		return new Photo("data:" + type + ";base64," + Base64.getEncoder().encodeToString(photo), isWide(photo, index));
	}

	/**
	 * Re-encodes as an 8-bit greyscale JPEG: a third of the colour data, and a printer
	 * with colour toner does not spend it on photos.
	 */
	private static byte[] toGrey(byte[] photo, int index) {
		try {
			BufferedImage image = ImageIO.read(new ByteArrayInputStream(photo));
			if (image == null) {
				throw unreadable(index, null);
			}
			BufferedImage grey = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
			Graphics2D g = grey.createGraphics();
			g.setColor(java.awt.Color.WHITE);
			g.fillRect(0, 0, image.getWidth(), image.getHeight());
			g.drawImage(image, 0, 0, null);
			g.dispose();
			ByteArrayOutputStream out = new ByteArrayOutputStream(photo.length / 2 + 1024);
			ImageIO.write(grey, "jpeg", out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw unreadable(index, ex);
		}
	}

	/**
	 * Whether the photo is at least as wide (relative to its height) as the 4:3 photo
	 * box. openhtmltopdf ignores {@code object-fit}, so the template sizes wide photos by
	 * width and tall ones by height to keep them undistorted inside the box.
	 */
	private static boolean isWide(byte[] photo, int index) {
		try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(photo))) {
			Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
			if (!readers.hasNext()) {
				throw unreadable(index, null);
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(in);
				return reader.getWidth(0) * 3L >= reader.getHeight(0) * 4L;
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException ex) {
			throw unreadable(index, ex);
		}
	}

	private static IllegalArgumentException unreadable(int index, Exception cause) {
		return new IllegalArgumentException("Photo " + (index + 1) + " is not a readable JPEG or PNG image", cause);
	}

	private static boolean isPng(byte[] image) {
		return image.length > 4 && (image[0] & 0xFF) == 0x89 && image[1] == 'P' && image[2] == 'N' && image[3] == 'G';
	}

}
