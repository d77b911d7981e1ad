package nl.postbrug.letters;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.Binarizer;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.ReaderException;
import com.google.zxing.Result;
import com.google.zxing.ResultPoint;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.GlobalHistogramBinarizer;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

/** Reads the 2-D barcode on a scanned page, as a scanner would see it. */
public final class BarcodeReader {

	private BarcodeReader() {
	}

	/**
	 * ZXing's local-threshold binarizer first (it copes with uneven scans); if it finds
	 * nothing, the global-histogram one, which reads the rare clean symbol whose modules
	 * the local thresholds split.
	 */
	static String decode(BufferedImage image) {
		Result result = decodeResult(image);
		return result == null ? null : result.getText();
	}

	private static Result decodeResult(BufferedImage image) {
		BufferedImageLuminanceSource source = new BufferedImageLuminanceSource(image);
		Result result = decode(new HybridBinarizer(source), true);
		if (result == null) {
			result = decode(new GlobalHistogramBinarizer(source), true);
		}
		if (result == null) {
			result = decode(new HybridBinarizer(source), false);
		}
		if (result == null) {
			result = decodeInWindows(image);
		}
		return result;
	}

	/**
	 * A code found on a scanned page, and how far the page is turned.
	 *
	 * @param quarterTurns how many quarter turns clockwise the page lies from upright
	 * (0..3), judged by the symbol's top edge
	 */
	public record Found(String text, int quarterTurns) {
	}

	/**
	 * The QR code on a page as an office scanner or a phone delivers it: upright or
	 * turned, faint or dark. The page as it is first; then turned a quarter, a half and
	 * three quarters, which lets the finder meet the symbol from another side; then with
	 * its contrast stretched, for a faint or greyed scan.
	 */
	public static Optional<Found> find(BufferedImage page) {
		BufferedImage image = page;
		for (int attempt = 0; attempt < 2; attempt++) {
			for (int turns = 0; turns < 4; turns++) {
				BufferedImage turned = turns == 0 ? image : turned(image, turns);
				Result result = turns == 0 ? decodeResult(turned) : decodeQuick(turned);
				if (result != null) {
					return Optional.of(new Found(result.getText(), Math.floorMod(orientation(result) - turns, 4)));
				}
			}
			image = stretched(page);
		}
		return Optional.empty();
	}

	private static Result decodeQuick(BufferedImage image) {
		BufferedImageLuminanceSource source = new BufferedImageLuminanceSource(image);
		Result result = decode(new HybridBinarizer(source), true);
		return result != null ? result : decode(new GlobalHistogramBinarizer(source), true);
	}

	/**
	 * Quarter turns clockwise of the symbol's top edge, from its finder patterns (ZXing
	 * gives bottom-left, top-left, top-right); window offsets and scale do not change it.
	 */
	private static int orientation(Result result) {
		ResultPoint[] points = result.getResultPoints();
		if (points == null || points.length < 3) {
			return 0;
		}
		double angle = Math
			.toDegrees(Math.atan2(points[2].getY() - points[1].getY(), points[2].getX() - points[1].getX()));
		return Math.floorMod((int) Math.round(angle / 90.0), 4);
	}

	/** The image turned {@code turns} quarter turns clockwise. */
	public static BufferedImage turned(BufferedImage image, int turns) {
		int t = Math.floorMod(turns, 4);
		if (t == 0) {
			return image;
		}
		int w = image.getWidth();
		int h = image.getHeight();
		boolean swap = t % 2 == 1;
		BufferedImage out = new BufferedImage(swap ? h : w, swap ? w : h, BufferedImage.TYPE_BYTE_GRAY);
		Graphics2D g = out.createGraphics();
		try {
			AffineTransform turn = new AffineTransform();
			switch (t) {
				case 1 -> {
					turn.translate(h, 0);
					turn.quadrantRotate(1);
				}
				case 2 -> {
					turn.translate(w, h);
					turn.quadrantRotate(2);
				}
				default -> {
					turn.translate(0, w);
					turn.quadrantRotate(3);
				}
			}
			g.drawImage(image, turn, null);
		}
		finally {
			g.dispose();
		}
		return out;
	}

	/**
	 * Grey levels spread so the darkest percent becomes black and the lightest white: a
	 * faint pencil-grey scan then binarises like a dark one.
	 */
	static BufferedImage stretched(BufferedImage image) {
		BufferedImage grey = grey(image);
		byte[] pixels = ((DataBufferByte) grey.getRaster().getDataBuffer()).getData();
		int[] histogram = new int[256];
		for (byte p : pixels) {
			histogram[p & 0xFF]++;
		}
		int low = percentile(histogram, pixels.length / 100);
		int high = 255 - percentile(reversed(histogram), pixels.length / 100);
		if (high - low < 8) {
			return grey;
		}
		BufferedImage out = new BufferedImage(grey.getWidth(), grey.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
		byte[] target = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
		for (int i = 0; i < pixels.length; i++) {
			int v = ((pixels[i] & 0xFF) - low) * 255 / (high - low);
			target[i] = (byte) Math.max(0, Math.min(255, v));
		}
		return out;
	}

	/** The image in shades of grey, one byte a pixel. */
	public static BufferedImage grey(BufferedImage image) {
		if (image.getType() == BufferedImage.TYPE_BYTE_GRAY) {
			return image;
		}
		BufferedImage grey = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
		Graphics2D g = grey.createGraphics();
		try {
			g.drawImage(image, 0, 0, null);
		}
		finally {
			g.dispose();
		}
		return grey;
	}

	private static int percentile(int[] histogram, int count) {
		int seen = 0;
		for (int v = 0; v < histogram.length; v++) {
			seen += histogram[v];
			if (seen > count) {
				return v;
			}
		}
		return histogram.length - 1;
	}

	private static int[] reversed(int[] histogram) {
		int[] r = new int[histogram.length];
		for (int i = 0; i < histogram.length; i++) {
			r[i] = histogram[histogram.length - 1 - i];
		}
		return r;
	}

	/**
	 * Last resort for the rare page whose lines of text the finder takes for finder
	 * patterns: look at overlapping windows of half the page's width and height, as they
	 * are and enlarged twice, so the symbol is the largest thing in view. Only pages that
	 * failed pay for this.
	 */
	private static Result decodeInWindows(BufferedImage image) {
		int width = image.getWidth() / 2;
		int height = image.getHeight() / 2;
		for (int scale = 1; scale <= 2; scale++) {
			for (int y = 0; y + height <= image.getHeight(); y += height / 2) {
				for (int x = 0; x + width <= image.getWidth(); x += width / 2) {
					BufferedImage window = enlarged(image.getSubimage(x, y, width, height), scale);
					BufferedImageLuminanceSource source = new BufferedImageLuminanceSource(window);
					Result result = decode(new HybridBinarizer(source), true);
					if (result == null) {
						result = decode(new GlobalHistogramBinarizer(source), true);
					}
					if (result != null) {
						return result;
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

	private static Result decode(Binarizer binarizer, boolean tryHarder) {
		Map<DecodeHintType, Object> hints = new EnumMap<>(DecodeHintType.class);
		hints.put(DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE));
		if (tryHarder) {
			hints.put(DecodeHintType.TRY_HARDER, Boolean.TRUE);
		}
		try {
			return new QRCodeReader().decode(new BinaryBitmap(binarizer), hints);
		}
		catch (ReaderException ex) {
			return null;
		}
	}

}
