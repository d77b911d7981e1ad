package nl.postbrug.letters;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Reply sheets as scanners deliver them: turned, at 150 dpi, as greyscale JPEG, faint;
 * each is read back to its reply code and its writing area, upright. Pages without a code
 * and hostile files are told apart.
 */
class ReplyPagesTests {

	private static final String CODE = ReplyCodes.newCode();

	private static byte[] sheet;

	@BeforeAll
	static void aPrintedReplySheet() {
		sheet = LetterFixtures.rendering().replySheet(LetterFixtures.letter("Hallo").withReplyCode(CODE)).pdf();
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, 1, 2, 3 })
	void aSheetTurnedAndScannedAt150DpiAsGreyscaleJpegIsReadUpright(int quarterTurns) throws IOException {
		BufferedImage page = marked(render(150));
		BufferedImage scanned = ImageIO
			.read(new ByteArrayInputStream(greyJpeg(BarcodeReader.turned(page, quarterTurns))));

		ReplyPages.Read read = ReplyPages.read(scanned);

		assertThat(read.code()).isEqualTo(CODE);
		// the mark drawn at the top left of the writing area is there again
		BufferedImage writing = read.writing();
		assertThat(writing.getHeight()).isGreaterThan(writing.getWidth());
		assertThat(mean(writing, 0.05, 0.05, 0.15, 0.10)).as("mark at the top left").isLessThan(90);
		assertThat(mean(writing, 0.80, 0.85, 0.95, 0.95)).as("bottom right left blank").isGreaterThan(200);
	}

	@Test
	void aFaintScanIsReadWithItsContrastStretched() throws IOException {
		BufferedImage page = render(150);
		BufferedImage faint = new BufferedImage(page.getWidth(), page.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
		for (int y = 0; y < page.getHeight(); y++) {
			for (int x = 0; x < page.getWidth(); x++) {
				// black becomes light grey 190, white 230: pencil on grey paper
				int v = page.getRaster().getSample(x, y, 0);
				faint.getRaster().setSample(x, y, 0, 190 + v * 40 / 255);
			}
		}
		assertThat(ReplyPages.read(faint).code()).isEqualTo(CODE);
	}

	@Test
	void aPageWithoutACodeOrWithALetterCodeHasNoReplyCode() throws IOException {
		BufferedImage blank = new BufferedImage(1240, 1754, BufferedImage.TYPE_BYTE_GRAY);
		Graphics2D g = blank.createGraphics();
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, 1240, 1754);
		g.dispose();
		assertThat(ReplyPages.read(blank).code()).isNull();
		byte[] letter = LetterFixtures.rendering().render(LetterFixtures.letter("Hallo"), RenderOptions.DEFAULT).pdf();
		try (PDDocument doc = Loader.loadPDF(letter)) {
			BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, 150, ImageType.GRAY);
			assertThat(ReplyPages.read(page).code()).as("a copy code is no reply code").isNull();
		}
	}

	@Test
	void theWritingAreaBecomesAOnePagePdfWithoutText() throws IOException {
		BufferedImage writing = ReplyPages.read(marked(render(200))).writing();
		byte[] pdf = ReplyPages.pdf(writing);
		try (PDDocument doc = Loader.loadPDF(pdf)) {
			assertThat(doc.getNumberOfPages()).isEqualTo(1);
			assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(doc)).isBlank();
		}
		assertThat(ImageIO.read(new ByteArrayInputStream(ReplyPages.pngOf(pdf))).getWidth())
			.isEqualTo(writing.getWidth());
	}

	@Test
	void hostileFilesAreRefusedWithAReasonBeforeAnyPageIsRead() {
		ScannedPages.PageHandler never = (n, image) -> {
			throw new AssertionError("no page of a refused file is read");
		};
		assertThatThrownBy(
				() -> ScannedPages.eachPage("PK\u0003\u0004 zip".getBytes(), ScannedPages.Limits.DEFAULT, never))
			.isInstanceOfSatisfying(ScannedPages.Refused.class, r -> assertThat(r.code()).isEqualTo("scan.not-a-scan"));
		assertThatThrownBy(() -> ScannedPages.eachPage(new byte[0], ScannedPages.Limits.DEFAULT, never))
			.isInstanceOfSatisfying(ScannedPages.Refused.class, r -> assertThat(r.code()).isEqualTo("scan.empty"));
		assertThatThrownBy(() -> ScannedPages.eachPage(hugePngHeader(), ScannedPages.Limits.DEFAULT, never))
			.isInstanceOfSatisfying(ScannedPages.Refused.class,
					r -> assertThat(r.code()).isIn("scan.page-too-large", "scan.unreadable"));
		assertThatThrownBy(
				() -> ScannedPages.eachPage("%PDF-1.7 broken".getBytes(), ScannedPages.Limits.DEFAULT, never))
			.isInstanceOfSatisfying(ScannedPages.Refused.class, r -> assertThat(r.code()).isEqualTo("scan.unreadable"));
	}

	private static BufferedImage render(int dpi) throws IOException {
		try (PDDocument doc = Loader.loadPDF(sheet)) {
			return new PDFRenderer(doc).renderImageWithDPI(0, dpi, ImageType.GRAY);
		}
	}

	/** A dark block in the top left corner of the writing area (18 mm, 48 mm on A4). */
	private static BufferedImage marked(BufferedImage page) {
		Graphics2D g = page.createGraphics();
		g.setColor(Color.BLACK);
		double mm = page.getWidth() / 210.0;
		g.fillRect((int) (26 * mm), (int) (54 * mm), (int) (20 * mm), (int) (12 * mm));
		g.dispose();
		return page;
	}

	/** Mean grey of a box given as shares of the image's width and height. */
	private static double mean(BufferedImage image, double x0, double y0, double x1, double y1) {
		long sum = 0;
		long n = 0;
		for (int y = (int) (y0 * image.getHeight()); y < (int) (y1 * image.getHeight()); y++) {
			for (int x = (int) (x0 * image.getWidth()); x < (int) (x1 * image.getWidth()); x++) {
				sum += image.getRaster().getSample(x, y, 0);
				n++;
			}
		}
		return (double) sum / n;
	}

	private static byte[] greyJpeg(BufferedImage image) throws IOException {
		BufferedImage grey = BarcodeReader.grey(image);
		Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
		ImageWriter writer = writers.next();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
			writer.setOutput(stream);
			ImageWriteParam param = writer.getDefaultWriteParam();
			param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
			param.setCompressionQuality(0.75f);
			writer.write(null, new IIOImage(grey, null, null), param);
		}
		finally {
			writer.dispose();
		}
		return out.toByteArray();
	}

	/** A PNG header claiming 100,000 x 100,000 pixels, and nothing behind it. */
	private static byte[] hugePngHeader() {
		byte[] png = new byte[33];
		byte[] head = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 1,
				(byte) 0x86, (byte) 0xA0, 0, 1, (byte) 0x86, (byte) 0xA0, 8, 0, 0, 0, 0 };
		System.arraycopy(head, 0, png, 0, head.length);
		return png;
	}

}
