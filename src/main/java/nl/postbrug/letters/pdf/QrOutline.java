package nl.postbrug.letters.pdf;

import java.awt.Shape;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.Map;

import org.w3c.dom.Element;

import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.openhtmltopdf.css.parser.FSRGBColor;
import com.openhtmltopdf.extend.FSObjectDrawer;
import com.openhtmltopdf.extend.OutputDevice;
import com.openhtmltopdf.render.RenderingContext;

/**
 * Draws a copy's QR code as vector outlines of its dark areas, with the full quiet zone:
 * only the corners are written, so the symbol takes about a third of the bytes a
 * rectangle per run of dark modules would, and one filled path leaves no anti-aliased
 * seams between touching modules in a scan. Letters and batches draw it the same way, so
 * what the read-back check in {@link QrSymbols} proved readable is what prints.
 */
final class QrOutline implements FSObjectDrawer {

	/**
	 * The object type templates use for the copy's barcode:
	 * {@code <object type="custom/qr" data-code="…">}.
	 */
	static final String TYPE = "custom/qr";

	private static final int QUIET_ZONE = QrSymbols.QUIET_ZONE;

	private static final int RIGHT = 1, DOWN = 2, LEFT = 4, UP = 8;

	@Override
	public Map<Shape, String> drawObject(Element e, double x, double y, double width, double height, OutputDevice out,
			RenderingContext ctx, int dotsPerPixel) {
		String text = e.getAttribute("data-code");
		if (text.isEmpty()) {
			throw new IllegalStateException("Barcode object without data-code attribute in the template");
		}
		ByteMatrix matrix = QrSymbols.symbol(text);
		int modules = matrix.getWidth() + 2 * QUIET_ZONE;
		double cell = Math.min(width, height) / modules;
		out.setColor(new FSRGBColor(255, 255, 255));
		out.fill(new Rectangle2D.Double(x, y, cell * modules, cell * modules));
		out.setColor(FSRGBColor.BLACK);
		out.fill(outline(matrix, x + QUIET_ZONE * cell, y + QUIET_ZONE * cell, cell));
		return null;
	}

	/**
	 * The boundary of the dark modules: every dark module's sides that face a light one,
	 * as directed edges running clockwise around the dark area (y pointing down), chained
	 * into closed loops. Holes run the other way, so the non-zero rule fills exactly the
	 * dark modules.
	 */
	static Path2D.Double outline(ByteMatrix matrix, double x, double y, double cell) {
		int w = matrix.getWidth();
		int h = matrix.getHeight();
		int stride = w + 1;
		byte[] out = new byte[stride * (h + 1)];
		for (int r = 0; r < h; r++) {
			for (int c = 0; c < w; c++) {
				if (!dark(matrix, c, r)) {
					continue;
				}
				if (!dark(matrix, c, r - 1)) {
					out[r * stride + c] |= RIGHT;
				}
				if (!dark(matrix, c + 1, r)) {
					out[r * stride + c + 1] |= DOWN;
				}
				if (!dark(matrix, c, r + 1)) {
					out[(r + 1) * stride + c + 1] |= LEFT;
				}
				if (!dark(matrix, c - 1, r)) {
					out[(r + 1) * stride + c] |= UP;
				}
			}
		}
		Path2D.Double path = new Path2D.Double(Path2D.WIND_NON_ZERO);
		for (int start = 0; start < out.length; start++) {
			if (out[start] == 0) {
				continue;
			}
			int v = start;
			int dir = 0;
			path.moveTo(x + (v % stride) * cell, y + (v / stride) * cell);
			while (out[v] != 0) {
				int next = pick(out[v], dir);
				out[v] &= (byte) ~next;
				if (dir != 0 && next != dir) {
					path.lineTo(x + (v % stride) * cell, y + (v / stride) * cell);
				}
				dir = next;
				v += switch (dir) {
					case RIGHT -> 1;
					case DOWN -> stride;
					case LEFT -> -1;
					default -> -stride;
				};
			}
			path.closePath();
		}
		return path;
	}

	/**
	 * Where two dark modules touch only at a corner, keep going round the same module:
	 * turn right.
	 */
	private static int pick(int choices, int dir) {
		int right = switch (dir) {
			case RIGHT -> DOWN;
			case DOWN -> LEFT;
			case LEFT -> UP;
			case UP -> RIGHT;
			default -> 0;
		};
		if ((choices & right) != 0) {
			return right;
		}
		if ((choices & dir) != 0) {
			return dir;
		}
		return Integer.lowestOneBit(choices);
	}

	private static boolean dark(ByteMatrix matrix, int c, int r) {
		return c >= 0 && r >= 0 && c < matrix.getWidth() && r < matrix.getHeight() && matrix.get(c, r) == 1;
	}

}
