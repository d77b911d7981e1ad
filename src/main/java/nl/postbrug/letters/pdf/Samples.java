package nl.postbrug.letters.pdf;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;

import javax.imageio.ImageIO;

import nl.postbrug.letters.BatchCover;
import nl.postbrug.letters.LetterContent;

/**
 * Made-up content for the trial render that checks templates before real letters use
 * them.
 */
final class Samples {

	private static final byte[] PHOTO = photo();

	private Samples() {
	}

	static LetterContent letter() {
		return new LetterContent("PI Voorbeeld", "Sam Voorbeeld", "0000000", "A1", "001", "Ans Voorbeeld",
				LocalDate.of(2026, 1, 1),
				"Dag Sam,\nhoe gaat het?\n\nŻółć, İstanbul, Привет, Ελλάδα, مرحبا بك, שלום 你好 😀\n\nAns",
				List.of(PHOTO), "PB-00000-00000-0");
	}

	static BatchCover cover() {
		return new BatchCover("PI Voorbeeld", "trial", LocalDate.of(2026, 1, 1), "PB-00000-00000-0");
	}

	private static byte[] photo() {
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			ImageIO.write(new BufferedImage(8, 6, BufferedImage.TYPE_INT_RGB), "png", out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
