package nl.postbrug.letters.pdf;

import java.awt.Shape;
import java.awt.geom.Rectangle2D;
import java.util.Map;

import org.w3c.dom.Element;

import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import com.openhtmltopdf.css.parser.FSRGBColor;
import com.openhtmltopdf.extend.FSObjectDrawer;
import com.openhtmltopdf.extend.OutputDevice;
import com.openhtmltopdf.render.RenderingContext;

/**
 * Draws {@code <object type="custom/qr" data-code="..."/>} as a QR code made of vector
 * rectangles (sharper and faster than an image), quiet zone included, filling the largest
 * square that fits the element's box. Level Q (25% recovery) fits a copy code into the smallest
 * symbol (21 modules) and survives the smudges and toner gaps of cheap printers.
 */
final class QrDrawer implements FSObjectDrawer {

	static final String TYPE = "custom/qr";

	/** Four modules of white around the symbol, as the QR specification asks. */
	private static final int QUIET_ZONE = 4;

	@Override
	public Map<Shape, String> drawObject(Element e, double x, double y, double width, double height,
			OutputDevice out, RenderingContext ctx, int dotsPerPixel) {
		String text = e.getAttribute("data-code");
		if (text.isEmpty()) {
			throw new IllegalStateException("Barcode object without data-code attribute in the template");
		}
		ByteMatrix matrix;
		try {
			matrix = Encoder.encode(text, ErrorCorrectionLevel.Q).getMatrix();
		}
		catch (WriterException ex) {
			throw new IllegalStateException("Cannot encode barcode for " + text, ex);
		}
		int modules = matrix.getWidth() + 2 * QUIET_ZONE;
		double cell = Math.min(width, height) / modules;
		out.setColor(new FSRGBColor(255, 255, 255));
		out.fill(new Rectangle2D.Double(x, y, cell * modules, cell * modules));
		out.setColor(FSRGBColor.BLACK);
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
				out.fill(new Rectangle2D.Double(x + (QUIET_ZONE + start) * cell, y + (QUIET_ZONE + row) * cell,
						(col - start) * cell, cell));
			}
		}
		return null;
	}

}
