package nl.postbrug.screening.rules;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

import javax.imageio.ImageIO;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.qrcode.QRCodeWriter;

import nl.postbrug.screening.Finding;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PhotoBarcodesTests {

	private static final RuleSet RULES = RuleSet.compile(RuleFile.parse("t.rules", "[photos]\nbarcodes = review\n"));

	@Test
	void aQrCodeInAPhotoIsFoundWithWhatItSays() throws Exception {
		List<Finding> findings = PhotoBarcodes.check(RULES,
				List.of(plainPhoto(), photoWithQr("https://example.com/meet-at-gate-3")));
		assertThat(findings).singleElement().satisfies(finding -> {
			assertThat(finding.photo()).isEqualTo(1);
			assertThat(finding.explanation()).contains("QR_CODE").contains("https://example.com/meet-at-gate-3");
		});
	}

	@Test
	void anOrdinaryPhotoHasNoFinding() throws Exception {
		assertThat(PhotoBarcodes.check(RULES, List.of(plainPhoto()))).isEmpty();
	}

	@Test
	void theRuleCanBeSwitchedOff() throws Exception {
		RuleSet off = RuleSet.compile(RuleFile.parse("t.rules", "[photos]\nbarcodes = off\n"));
		assertThat(PhotoBarcodes.check(off, List.of(photoWithQr("x")))).isEmpty();
	}

	private static byte[] photoWithQr(String text) throws WriterException, IOException {
		BufferedImage photo = new BufferedImage(900, 700, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = photo.createGraphics();
		g.setColor(new Color(120, 160, 90));
		g.fillRect(0, 0, 900, 700);
		g.drawImage(
				MatrixToImageWriter.toBufferedImage(new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 300, 300)),
				500, 250, null);
		g.dispose();
		return jpeg(photo);
	}

	private static byte[] plainPhoto() throws IOException {
		BufferedImage photo = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = photo.createGraphics();
		g.setColor(Color.ORANGE);
		g.fillOval(100, 100, 300, 200);
		g.dispose();
		return jpeg(photo);
	}

	private static byte[] jpeg(BufferedImage image) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "jpeg", out);
		return out.toByteArray();
	}

}
