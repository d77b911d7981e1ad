package nl.postbrug.letters.pdf;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

import org.junit.jupiter.api.Test;

import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.encoder.ByteMatrix;

import nl.postbrug.letters.CopyCodes;

import static org.assertj.core.api.Assertions.assertThat;

/** The read-back probes draw symbols as Java2D would, only faster. */
class QrSymbolsTests {

	@Test
	void antiAliasedProbesAreWithinOneGreyLevelOfJava2d() {
		for (int i = 0; i < 60; i++) {
			ByteMatrix matrix = QrSymbols.encode(CopyCodes.newCode(), i % 9 - 1);
			for (double[] probe : new double[][] { { 4.48, 0.3, 0.7 }, { 5.1, 0.2, 0.9 } }) {
				byte[] sampled = pixels(QrSymbols.render(matrix, probe[0], probe[1], probe[2]));
				byte[] java2d = pixels(java2d(matrix, probe[0], probe[1], probe[2]));
				assertThat(sampled).hasSameSizeAs(java2d);
				int worst = 0;
				for (int p = 0; p < sampled.length; p++) {
					worst = Math.max(worst, Math.abs((sampled[p] & 0xFF) - (java2d[p] & 0xFF)));
				}
				assertThat(worst).as("largest grey level difference").isLessThanOrEqualTo(1);
			}
		}
	}

	@Test
	void wholePixelProbesAreWhatZxingsBinarizerMakesOfTheDrawing() throws NotFoundException {
		for (int i = 0; i < 60; i++) {
			ByteMatrix matrix = QrSymbols.encode(CopyCodes.newCode(), i % 9 - 1);
			for (int module : new int[] { 3, 6 }) {
				BufferedImage drawn = java2d(matrix, module, 0, 0);
				assertThat(QrSymbols.bits(matrix, module))
					.isEqualTo(new HybridBinarizer(new BufferedImageLuminanceSource(drawn)).getBlackMatrix());
			}
		}
	}

	/**
	 * The symbol filled as a path with anti-aliasing, as the probes were drawn before.
	 */
	private static BufferedImage java2d(ByteMatrix matrix, double module, double dx, double dy) {
		int margin = 8;
		int size = (int) Math.ceil((matrix.getWidth() + 2 * QrSymbols.QUIET_ZONE) * module) + 2 * margin;
		BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_GRAY);
		Graphics2D g = image.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, size, size);
		g.setColor(Color.BLACK);
		Path2D.Double dark = new Path2D.Double();
		double origin = margin + QrSymbols.QUIET_ZONE * module;
		for (int row = 0; row < matrix.getHeight(); row++) {
			for (int col = 0; col < matrix.getWidth(); col++) {
				if (matrix.get(col, row) == 1) {
					dark.append(new Rectangle2D.Double(origin + dx + col * module, origin + dy + row * module, module,
							module), false);
				}
			}
		}
		g.fill(dark);
		g.dispose();
		return image;
	}

	private static byte[] pixels(BufferedImage image) {
		return ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
	}

}
