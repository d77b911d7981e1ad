package nl.postbrug.letters.pdf;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.EncodeHintType;
import com.google.zxing.ReaderException;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;

/**
 * QR symbols that are known to scan before they are printed.
 * <p>
 * A copy code ({@code PB-XXXXX-XXXXX-C}, 16 characters of the QR alphanumeric set) fills a
 * version 1 symbol at error correction level Q (25 % of the symbol may be smudged). Measured
 * over thousands of codes, ZXing cannot read about 0.3 % of the symbols its own encoder
 * makes, whatever the resolution or module size: the failure follows the module pattern,
 * which the mask decides. So every symbol is first read back with ZXing from small
 * renderings like a 150, 200 and 300 dpi scan; if that fails, the next of the eight standard
 * masks is tried. Any QR reader reads any mask.
 */
final class QrSymbols {

	static final int QUIET_ZONE = 4;

	private static final ErrorCorrectionLevel LEVEL = ErrorCorrectionLevel.Q;

	/** Module size in pixels and sub-pixel offset of each probe rendering. */
	private static final double[][] PROBES = { { 4.48, 0.3, 0.7 }, { 3, 0, 0 }, { 6, 0, 0 }, { 5.1, 0.2, 0.9 } };

	private static final int CACHE_LIMIT = 4096;

	private static final Map<String, ByteMatrix> CACHE = new ConcurrentHashMap<>();

	private QrSymbols() {
	}

	/** The symbol for {@code text} (without quiet zone), readable by ZXing where any mask allows. */
	static ByteMatrix symbol(String text) {
		ByteMatrix cached = CACHE.get(text);
		if (cached != null) {
			return cached;
		}
		ByteMatrix chosen = encode(text, -1);
		if (!readable(chosen, text)) {
			for (int mask = 0; mask < 8; mask++) {
				ByteMatrix candidate = encode(text, mask);
				if (readable(candidate, text)) {
					chosen = candidate;
					break;
				}
			}
		}
		if (CACHE.size() >= CACHE_LIMIT) {
			CACHE.clear();
		}
		CACHE.put(text, chosen);
		return chosen;
	}

	private static ByteMatrix encode(String text, int mask) {
		Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
		if (mask >= 0) {
			hints.put(EncodeHintType.QR_MASK_PATTERN, mask);
		}
		try {
			return Encoder.encode(text, LEVEL, hints).getMatrix();
		}
		catch (WriterException ex) {
			throw new IllegalStateException("Cannot encode barcode for " + text, ex);
		}
	}

	private static boolean readable(ByteMatrix matrix, String text) {
		for (double[] probe : PROBES) {
			if (!text.equals(decode(render(matrix, probe[0], probe[1], probe[2])))) {
				return false;
			}
		}
		return true;
	}

	private static BufferedImage render(ByteMatrix matrix, double module, double dx, double dy) {
		int margin = 8;
		int size = (int) Math.ceil((matrix.getWidth() + 2 * QUIET_ZONE) * module) + 2 * margin;
		BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_GRAY);
		if (module == Math.rint(module) && dx == 0 && dy == 0) {
			// whole pixels: set them directly, no anti-aliasing to compute
			byte[] pixels = ((java.awt.image.DataBufferByte) image.getRaster().getDataBuffer()).getData();
			java.util.Arrays.fill(pixels, (byte) 0xFF);
			int m = (int) module;
			int o = (int) origin(margin, module);
			for (int row = 0; row < matrix.getHeight(); row++) {
				for (int col = 0; col < matrix.getWidth(); col++) {
					if (matrix.get(col, row) == 1) {
						for (int py = 0; py < m; py++) {
							int at = (o + row * m + py) * size + o + col * m;
							java.util.Arrays.fill(pixels, at, at + m, (byte) 0);
						}
					}
				}
			}
			return image;
		}
		Graphics2D g = image.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, size, size);
		g.setColor(Color.BLACK);
		Path2D.Double dark = new Path2D.Double();
		double origin = origin(margin, module);
		// one rectangle per horizontal run of dark modules: the same pixels as one per module
		// (the shared edges cancel), with far fewer edges for the rasteriser to sort
		for (int row = 0; row < matrix.getHeight(); row++) {
			int col = 0;
			while (col < matrix.getWidth()) {
				if (matrix.get(col, row) != 1) {
					col++;
					continue;
				}
				int start = col;
				while (col < matrix.getWidth() && matrix.get(col, row) == 1) {
					col++;
				}
				dark.append(new Rectangle2D.Double(origin + dx + start * module, origin + dy + row * module,
						(col - start) * module, module), false);
			}
		}
		g.fill(dark);
		g.dispose();
		return image;
	}

	private static double origin(int margin, double module) {
		return margin + QUIET_ZONE * module;
	}

	private static String decode(BufferedImage image) {
		Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
		hints.put(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE));
		hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
		try {
			return new QRCodeReader()
				.decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))), hints)
				.getText();
		}
		catch (ReaderException ex) {
			return null;
		}
	}

}
