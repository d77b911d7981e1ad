package nl.postbrug.letters.pdf;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.Binarizer;
import com.google.zxing.LuminanceSource;
import com.google.zxing.common.BitArray;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.EncodeHintType;
import com.google.zxing.ReaderException;
import com.google.zxing.WriterException;
import com.google.zxing.PlanarYUVLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;

/**
 * QR symbols that are known to scan before they are printed.
 * <p>
 * A copy code ({@code PB-XXXXX-XXXXX-C}, 16 characters of the QR alphanumeric set) fills
 * a version 1 symbol at error correction level Q (25 % of the symbol may be smudged).
 * Measured over thousands of codes, ZXing cannot read about 0.3 % of the symbols its own
 * encoder makes, whatever the resolution or module size: the failure follows the module
 * pattern, which the mask decides. So every symbol is first read back with ZXing from
 * small renderings like a 150, 200 and 300 dpi scan; if that fails, the next of the eight
 * standard masks is tried. Any QR reader reads any mask.
 */
final class QrSymbols {

	static final int QUIET_ZONE = 4;

	private static final ErrorCorrectionLevel LEVEL = ErrorCorrectionLevel.Q;

	/**
	 * Module size in pixels and sub-pixel offset of each probe rendering. The second is
	 * where letter.html's footer puts the 22 mm code on an A4 page rasterised at 150 dpi
	 * (left edge 51.04 pt, top edge 95.25 pt above the bottom: 106.33 px across, 1555.50
	 * px down): found when a symbol that passed the others failed a 150 dpi scan of the
	 * page at that spot.
	 */
	private static final double[][] PROBES = { { 4.48, 0.3, 0.7 }, { 4.48, 0.33, 0.5 }, { 3, 0, 0 }, { 6, 0, 0 },
			{ 5.1, 0.2, 0.9 } };

	private static final int CACHE_LIMIT = 4096;

	private static final Map<String, ByteMatrix> CACHE = new ConcurrentHashMap<>();

	private QrSymbols() {
	}

	/**
	 * The symbol for {@code text} (without quiet zone), readable by ZXing where any mask
	 * allows.
	 */
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

	static ByteMatrix encode(String text, int mask) {
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
			Binarizer binarizer = probe[0] == Math.rint(probe[0]) && probe[1] == 0 && probe[2] == 0
					? new Drawn(bits(matrix, (int) probe[0]))
					: new HybridBinarizer(grey(matrix, probe[0], probe[1], probe[2]));
			if (!text.equals(decode(binarizer))) {
				return false;
			}
		}
		return true;
	}

	private static final int MARGIN = 8;

	/**
	 * A rendering with whole pixels per module, already black and white. ZXing's local
	 * threshold binarizer returns a pure black-and-white image unchanged, so it is handed
	 * to the reader as is, without drawing grey pixels and thresholding them again.
	 */
	static BitMatrix bits(ByteMatrix matrix, int module) {
		int size = (matrix.getWidth() + 2 * QUIET_ZONE) * module + 2 * MARGIN;
		BitMatrix bits = new BitMatrix(size);
		int o = (int) origin(MARGIN, module);
		for (int row = 0; row < matrix.getHeight(); row++) {
			for (int col = 0; col < matrix.getWidth(); col++) {
				if (matrix.get(col, row) == 1) {
					bits.setRegion(o + col * module, o + row * module, module, module);
				}
			}
		}
		return bits;
	}

	/** Hands a ready black-and-white image to the reader. */
	private static final class Drawn extends Binarizer {

		private final BitMatrix bits;

		Drawn(BitMatrix bits) {
			super(new LuminanceSource(bits.getWidth(), bits.getHeight()) {
				@Override
				public byte[] getRow(int y, byte[] row) {
					throw new UnsupportedOperationException();
				}

				@Override
				public byte[] getMatrix() {
					throw new UnsupportedOperationException();
				}
			});
			this.bits = bits;
		}

		@Override
		public BitArray getBlackRow(int y, BitArray row) {
			return this.bits.getRow(y, row);
		}

		@Override
		public BitMatrix getBlackMatrix() {
			return this.bits;
		}

		@Override
		public Binarizer createBinarizer(LuminanceSource source) {
			throw new UnsupportedOperationException();
		}

	}

	static BufferedImage render(ByteMatrix matrix, double module, double dx, double dy) {
		PlanarYUVLuminanceSource grey = grey(matrix, module, dx, dy);
		BufferedImage image = new BufferedImage(grey.getWidth(), grey.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
		byte[] pixels = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
		System.arraycopy(grey.getMatrix(), 0, pixels, 0, pixels.length);
		return image;
	}

	/**
	 * The anti-aliased probe as the grey plane the reader takes directly (a luminance
	 * source over a plain array, without the per-row copies a {@link BufferedImage}
	 * source makes).
	 */
	private static PlanarYUVLuminanceSource grey(ByteMatrix matrix, double module, double dx, double dy) {
		if (module < 1) {
			throw new IllegalArgumentException("A probe's modules must be at least a pixel wide: " + module);
		}
		int size = (int) Math.ceil((matrix.getWidth() + 2 * QUIET_ZONE) * module) + 2 * MARGIN;
		byte[] pixels = new byte[size * size];
		antiAliased(matrix, module, origin(MARGIN, module) + dx, origin(MARGIN, module) + dy, size, pixels);
		return new PlanarYUVLuminanceSource(pixels, size, size, 0, 0, size, size, false);
	}

	/**
	 * Sub-pixel samples per pixel across and down, as Java2D's anti-aliasing rasteriser
	 * takes them.
	 */
	private static final int SAMPLES_X = 256;

	private static final int SAMPLES_Y = 8;

	/**
	 * Draws the dark modules anti-aliased, the way Java2D (Marlin) fills them: each pixel
	 * is as dark as the share of its 256 x 8 sample points inside a dark module. The
	 * sampling is separable for a grid of squares, so this is a few multiplications per
	 * pixel instead of a general path fill (measured: grey levels within 1 of Java2D's,
	 * about a tenth of the time).
	 */
	private static void antiAliased(ByteMatrix matrix, double module, double x0, double y0, int size, byte[] pixels) {
		int n = matrix.getWidth();
		int[][] cols = samples(x0, module, n, size, SAMPLES_X);
		int[][] rows = samples(y0, module, n, size, SAMPLES_Y);
		// white paper; only the pixels over the symbol (about half of the probe) are
		// worked out
		Arrays.fill(pixels, (byte) 255);
		int left = firstCovered(cols);
		int right = lastCovered(cols);
		// modules are wider than a pixel, so a pixel overlaps at most two module columns
		int[] firstCol = new int[size];
		int[] firstSamples = new int[size];
		int[] secondCol = new int[size];
		int[] secondSamples = new int[size];
		for (int x = left; x <= right; x++) {
			int[] c = cols[x];
			firstCol[x] = c[0];
			firstSamples[x] = c[1];
			secondCol[x] = c.length > 2 ? c[2] : c[0];
			secondSamples[x] = c.length > 2 ? c[3] : 0;
		}
		int full = SAMPLES_X * SAMPLES_Y;
		int[] darkInRow = new int[n];
		for (int y = firstCovered(rows), bottom = lastCovered(rows); y <= bottom; y++) {
			int at = y * size;
			int[] r = rows[y];
			if (y > 0 && Arrays.equals(r, rows[y - 1])) {
				// inside the same module row as the pixel row above: the same pixels
				System.arraycopy(pixels, at - size + left, pixels, at + left, right - left + 1);
				continue;
			}
			// dark sample rows of this pixel row, per module column
			Arrays.fill(darkInRow, 0);
			for (int i = 0; i < r.length; i += 2) {
				for (int k = 0; k < n; k++) {
					if (matrix.get(k, r[i]) == 1) {
						darkInRow[k] += r[i + 1];
					}
				}
			}
			for (int x = left; x <= right; x++) {
				int count = darkInRow[firstCol[x]] * firstSamples[x] + darkInRow[secondCol[x]] * secondSamples[x];
				pixels[at + x] = (byte) (255 - (count * 255 + full / 2) / full);
			}
		}
	}

	private static int firstCovered(int[][] pixels) {
		int p = 0;
		while (pixels[p].length == 0) {
			p++;
		}
		return p;
	}

	private static int lastCovered(int[][] pixels) {
		int p = pixels.length - 1;
		while (pixels[p].length == 0) {
			p--;
		}
		return p;
	}

	/**
	 * For each pixel along one axis, the modules it overlaps and how many of its sample
	 * points (at the centres of {@code perPixel} equal steps) fall in each.
	 */
	private static int[][] samples(double start, double module, int n, int size, int perPixel) {
		long[] edge = new long[n + 1];
		for (int k = 0; k <= n; k++) {
			edge[k] = (long) Math.ceil((start + k * module) * perPixel - 0.5);
		}
		int[][] out = new int[size][];
		int[] buffer = new int[8];
		for (int p = 0; p < size; p++) {
			long lo = (long) p * perPixel;
			long hi = lo + perPixel;
			int used = 0;
			for (int k = 0; k < n && used < buffer.length; k++) {
				long count = Math.min(hi, edge[k + 1]) - Math.max(lo, edge[k]);
				if (count > 0) {
					buffer[used++] = k;
					buffer[used++] = (int) count;
				}
			}
			out[p] = Arrays.copyOf(buffer, used);
		}
		return out;
	}

	private static double origin(int margin, double module) {
		return margin + QUIET_ZONE * module;
	}

	private static String decode(Binarizer binarizer) {
		Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
		hints.put(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE));
		hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
		try {
			return new QRCodeReader().decode(new BinaryBitmap(binarizer), hints).getText();
		}
		catch (ReaderException ex) {
			return null;
		}
	}

}
