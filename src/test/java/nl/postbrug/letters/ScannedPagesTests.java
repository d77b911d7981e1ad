package nl.postbrug.letters;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.qrcode.QRCodeWriter;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a scanned upload yields, and every kind of file refused before it is decoded. */
class ScannedPagesTests {

	private static final ScannedPages.Limits LIMITS = ScannedPages.Limits.DEFAULT;

	@Test
	void everyCodeOnAPictureIsReadOnceInTheOrderFound() throws Exception {
		String a = CopyCodes.newCode();
		String b = CopyCodes.newCode();
		BufferedImage sheet = new BufferedImage(1200, 700, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = sheet.createGraphics();
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, 1200, 700);
		g.drawImage(qr(a), 50, 100, null);
		g.drawImage(qr(b), 650, 100, null);
		g.dispose();
		ScannedPages.Read read = ScannedPages.read(png(sheet), LIMITS);
		assertThat(read.pages()).isEqualTo(1);
		assertThat(read.pagesWithoutCode()).isZero();
		assertThat(read.codes()).containsExactlyInAnyOrder(a, b);
	}

	@Test
	void aPdfOfScannedPagesIsReadPageByPageAndRepeatedCodesCountOnce() throws Exception {
		String a = CopyCodes.newCode();
		String b = CopyCodes.newCode();
		byte[] pdf = pdfOf(List.of(qr(a), qr(a), blank(), qr(b)));
		ScannedPages.Read read = ScannedPages.read(pdf, LIMITS);
		assertThat(read.pages()).isEqualTo(4);
		assertThat(read.pagesWithoutCode()).isEqualTo(1);
		assertThat(read.codes()).containsExactly(a, b);
	}

	@Test
	void aFileThatIsNoScanIsRefused() {
		assertRefused("hello, world".getBytes(), "scan.not-a-scan");
		assertRefused(new byte[0], "scan.empty");
		assertRefused("%PDF-1.7\n garbage".getBytes(), "scan.unreadable");
		byte[] png = { (byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0 };
		assertRefused(png, "scan.unreadable");
	}

	@Test
	void tooManyPagesAreRefusedBeforeAnyIsRendered() throws Exception {
		try (PDDocument doc = new PDDocument()) {
			for (int i = 0; i < LIMITS.maxPages() + 1; i++) {
				doc.addPage(new PDPage(PDRectangle.A4));
			}
			assertRefused(bytes(doc), "scan.too-many-pages");
		}
	}

	@Test
	void aHugePageIsRefused() throws Exception {
		try (PDDocument doc = new PDDocument()) {
			doc.addPage(new PDPage(PDRectangle.A4));
			// 5 m square: 1.5 billion pixels at 200 dpi
			doc.addPage(new PDPage(new PDRectangle(14_000, 14_000)));
			assertRefused(bytes(doc), "scan.page-too-large");
		}
	}

	@Test
	void anImageThatWouldNotFitTheHeapIsRefusedFromItsHeader() throws Exception {
		// A PNG that claims 30000 x 30000 pixels (900 megapixels); only its header is
		// read.
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(new byte[] { (byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10 });
		ByteBuffer ihdr = ByteBuffer.allocate(13)
			.putInt(30_000)
			.putInt(30_000)
			.put((byte) 8)
			.put((byte) 0)
			.put((byte) 0)
			.put((byte) 0)
			.put((byte) 0);
		chunk(out, "IHDR", ihdr.array());
		chunk(out, "IDAT", new byte[] { 0x78, (byte) 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01 });
		chunk(out, "IEND", new byte[0]);
		assertRefused(out.toByteArray(), "scan.page-too-large");
	}

	@Test
	void aPdfHoldingAHugeImageIsRefused() throws Exception {
		try (PDDocument doc = new PDDocument()) {
			PDPage page = new PDPage(PDRectangle.A4);
			doc.addPage(page);
			// 8000 x 6000 = 48 megapixels, over the limit of 40
			PDImageXObject image = LosslessFactory.createFromImage(doc,
					new BufferedImage(8000, 6000, BufferedImage.TYPE_BYTE_BINARY));
			try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
				content.drawImage(image, 0, 0, 100, 100);
			}
			assertRefused(bytes(doc), "scan.page-too-large");
		}
	}

	@Test
	void anEncryptedPdfIsRefused() throws Exception {
		try (PDDocument doc = new PDDocument()) {
			doc.addPage(new PDPage(PDRectangle.A4));
			StandardProtectionPolicy policy = new StandardProtectionPolicy("owner", "", new AccessPermission());
			doc.protect(policy);
			assertRefused(bytes(doc), "scan.encrypted");
		}
	}

	@Test
	void aFileOverTheSizeLimitIsRefusedUnread() {
		byte[] big = new byte[1025];
		big[0] = '%';
		assertThatThrownBy(() -> ScannedPages.read(big, new ScannedPages.Limits(1024, 5, 1000, 200)))
			.isInstanceOfSatisfying(ScannedPages.Refused.class,
					refused -> assertThat(refused.code()).isEqualTo("scan.too-large"));
	}

	private static void assertRefused(byte[] file, String code) {
		assertThatThrownBy(() -> ScannedPages.read(file, LIMITS)).isInstanceOfSatisfying(ScannedPages.Refused.class,
				refused -> assertThat(refused.code()).isEqualTo(code));
	}

	private static BufferedImage qr(String code) throws Exception {
		return MatrixToImageWriter.toBufferedImage(
				new QRCodeWriter().encode(code, BarcodeFormat.QR_CODE, 400, 400, Map.of(EncodeHintType.MARGIN, 4)));
	}

	private static BufferedImage blank() {
		BufferedImage image = new BufferedImage(400, 400, BufferedImage.TYPE_BYTE_GRAY);
		Graphics2D g = image.createGraphics();
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, 400, 400);
		g.dispose();
		return image;
	}

	private static byte[] pdfOf(List<BufferedImage> pages) throws IOException {
		try (PDDocument doc = new PDDocument()) {
			for (BufferedImage picture : pages) {
				PDPage page = new PDPage(PDRectangle.A4);
				doc.addPage(page);
				PDImageXObject image = LosslessFactory.createFromImage(doc, picture);
				try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
					content.drawImage(image, 100, 400, 200, 200);
				}
			}
			return bytes(doc);
		}
	}

	private static byte[] bytes(PDDocument doc) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		doc.save(out);
		return out.toByteArray();
	}

	private static byte[] png(BufferedImage image) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

	private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws IOException {
		out.write(ByteBuffer.allocate(4).putInt(data.length).array());
		byte[] name = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
		out.write(name);
		out.write(data);
		CRC32 crc = new CRC32();
		crc.update(name);
		crc.update(data);
		out.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
	}

}
