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
 * Draws {@code <object type="custom/qr" data-code="..."/>} as a QR code made of vector
 * rectangles (sharper and faster than an image), quiet zone included, filling the largest
 * square that fits the element's box; the symbol comes from {@link QrSymbols}.
 */
final class QrDrawer implements FSObjectDrawer {

	static final String TYPE = "custom/qr";

	/** Four modules of white around the symbol, as the QR specification asks. */
	private static final int QUIET_ZONE = QrSymbols.QUIET_ZONE;

	@Override
	public Map<Shape, String> drawObject(Element e, double x, double y, double width, double height,
			OutputDevice out, RenderingContext ctx, int dotsPerPixel) {
		String text = e.getAttribute("data-code");
		if (text.isEmpty()) {
			throw new IllegalStateException("Barcode object without data-code attribute in the template");
		}
		ByteMatrix matrix = QrSymbols.symbol(text);
		int modules = matrix.getWidth() + 2 * QUIET_ZONE;
		double cell = Math.min(width, height) / modules;
		out.setColor(new FSRGBColor(255, 255, 255));
		out.fill(new Rectangle2D.Double(x, y, cell * modules, cell * modules));
		// one path for all dark modules: filled separately, touching rectangles leave faint
		// anti-aliased seams in a scan, which is enough to make decoders miss a row
		Path2D.Double dark = new Path2D.Double(Path2D.WIND_NON_ZERO);
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
				dark.append(new Rectangle2D.Double(x + (QUIET_ZONE + start) * cell, y + (QUIET_ZONE + row) * cell,
						(col - start) * cell, cell), false);
			}
		}
		out.setColor(FSRGBColor.BLACK);
		out.fill(dark);
		return null;
	}

}
