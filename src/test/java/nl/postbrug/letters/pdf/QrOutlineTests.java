package nl.postbrug.letters.pdf;

import java.awt.geom.Area;
import java.awt.geom.Rectangle2D;

import org.junit.jupiter.api.Test;

import com.google.zxing.qrcode.encoder.ByteMatrix;

import nl.postbrug.letters.CopyCodes;

import static org.assertj.core.api.Assertions.assertThat;

class QrOutlineTests {

	@Test
	void theOutlineCoversExactlyTheDarkModules() {
		for (int i = 0; i < 200; i++) {
			ByteMatrix matrix = QrSymbols.symbol(i % 2 == 0 ? CopyCodes.newCode() : "BATCH-" + i);
			Area modules = new Area();
			for (int r = 0; r < matrix.getHeight(); r++) {
				for (int c = 0; c < matrix.getWidth(); c++) {
					if (matrix.get(c, r) == 1) {
						modules.add(new Area(new Rectangle2D.Double(10 + c * 2, 20 + r * 2, 2, 2)));
					}
				}
			}
			Area difference = new Area(QrOutline.outline(matrix, 10, 20, 2));
			difference.exclusiveOr(modules);
			assertThat(difference.isEmpty()).as("outline and modules differ for symbol %d", i).isTrue();
		}
	}

}
