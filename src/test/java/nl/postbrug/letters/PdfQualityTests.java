package nl.postbrug.letters;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

import static org.assertj.core.api.Assertions.assertThat;

/** PDF/A-2b, reproducible output, small files and photos as the facility wants them. */
class PdfQualityTests {

	private final LetterRendering rendering = LetterFixtures.rendering();

	@BeforeAll
	static void startVeraPdf() {
		VeraGreenfieldFoundryProvider.initialise();
	}

	@Test
	void lettersInEveryScriptWithPhotosArePdfA2b() throws Exception {
		String body = "Dag Sam — Zażółć, İstanbul, Привет, Ελλάδα, مرحبا بك يا أحمد, שלום לך, 你好 🦒\n\n"
				+ String.join("\n\n", Collections.nCopies(30, "A paragraph about home, the garden and the dog."));
		LetterContent letter = new LetterContent("PI Vught", "Sam de Vries", "1234567", "B2", "117", "Ans de Vries",
				LocalDate.of(2026, 3, 1), body, List.of(photo(400, 300, "png"), photo(300, 500, "jpeg")),
				CopyCodes.newCode());

		RenderedLetter colour = this.rendering.render(letter, RenderOptions.DEFAULT);
		RenderedLetter grey = this.rendering.render(letter, RenderOptions.GREYSCALE_PHOTOS);

		assertThat(colour.pages()).isGreaterThan(1);
		assertPdfA2b(colour.pdf());
		assertPdfA2b(grey.pdf());
	}

	@Test
	void coverManifestAndReplySheetArePdfA2b(@TempDir Path dir) throws Exception {
		List<LetterContent> letters = List.of(LetterFixtures.letter("One."), LetterFixtures.letter("Two."));
		Path target = dir.resolve("batch.pdf");
		BatchCover cover = new BatchCover("PI Vught", "morning", LocalDate.of(2026, 3, 2), CopyCodes.newCode());
		var pdf = new nl.postbrug.letters.pdf.LetterPdf(LetterFixtures.TEMPLATES, LetterFixtures.CLOCK);

		assertPdfA2b(pdf.cover(cover, 2, 2).pdf());
		assertPdfA2b(pdf.manifest(cover, letters, List.of(1, 1)).pdf());
		assertPdfA2b(this.rendering.replySheet(letters.get(0).withReplyCode("PR-00000-00000-0")).pdf());
	}

	@Test
	void theSameLetterRenderedTwiceGivesTheSameBytes() {
		LetterContent letter = LetterFixtures.letter("Dag Sam,\n\nmarhaba: مرحبا, shalom: שלום.");
		LetterRendering later = new LetterRendering(new LettersProperties(LetterFixtures.TEMPLATES),
				Clock.fixed(Instant.parse("2027-01-01T00:00:00Z"), ZoneOffset.UTC));

		byte[] first = this.rendering.render(letter, RenderOptions.DEFAULT).pdf();
		byte[] second = this.rendering.render(letter, RenderOptions.DEFAULT).pdf();
		byte[] third = later.render(letter, RenderOptions.DEFAULT).pdf();

		assertThat(Arrays.equals(first, second)).as("same bytes").isTrue();
		assertThat(third.length).isEqualTo(first.length);
		assertThat(Arrays.equals(first, third)).isFalse();
		assertThat(differingBytes(first, third)).as("only the creation dates differ").isLessThanOrEqualTo(4 * 14);
	}

	@Test
	void aOnePageLetterIsSmallBecauseFontsAreSubset() {
		RenderedLetter rendered = this.rendering.render(
				LetterFixtures.letter(
						String.join("\n\n", Collections.nCopies(8, "A paragraph about home, the garden and the dog."))),
				RenderOptions.DEFAULT);

		assertThat(rendered.pages()).isEqualTo(1);
		assertThat(rendered.pdf().length).as("bytes per page").isLessThan(40_000);
	}

	@Test
	void aLatinLetterDrawnWithTheLatinCutOfTheFontIsPdfA2b() throws Exception {
		RenderedLetter rendered = this.rendering.render(LetterFixtures
			.letter("Dag Sam — Zażółć gęślą jaźń, İstanbul'da güzel bir gün, Ærø, „quotes” and 12 € ½.\n\nVeel liefs."),
				RenderOptions.DEFAULT);

		assertPdfA2b(rendered.pdf());
	}

	@Test
	void printsPhotosInGreyWhenTheFacilityChoosesIt() throws IOException {
		LetterContent letter = new LetterContent("PI Vught", "Sam de Vries", "1234567", "B2", "117", "Ans de Vries",
				LocalDate.of(2026, 3, 1), "Photo.", List.of(photo(400, 300, "png")), CopyCodes.newCode());

		assertThat(imageColourSpaces(this.rendering.render(letter, RenderOptions.DEFAULT).pdf()))
			.containsOnly("DeviceRGB");
		assertThat(imageColourSpaces(this.rendering.render(letter, RenderOptions.GREYSCALE_PHOTOS).pdf()))
			.containsOnly("DeviceGray");
	}

	@Test
	void aDuplexBatchInEveryScriptWithGreyPhotosIsPdfA2b(@TempDir Path dir) throws Exception {
		List<LetterContent> letters = List.of(
				new LetterContent("PI Vught", "Sam de Vries", "1234567", "B2", "117", "Ans de Vries",
						LocalDate.of(2026, 3, 1), "Photo.", List.of(photo(400, 300, "png")), CopyCodes.newCode()),
				LetterFixtures.letter("Dag Sam,\n\nmarhaba: مرحبا, shalom: שלום, привет, γεια."),
				new LetterContent("PI Vught", "Sam de Vries", "1234567", "A1", "12", "Ans de Vries",
						LocalDate.of(2026, 3, 1), "Two photos.",
						List.of(photo(300, 400, "jpg"), photo(640, 480, "png")), CopyCodes.newCode()));
		Path target = dir.resolve("batch.pdf");
		BatchCover cover = new BatchCover("PI Vught", "morning", LocalDate.of(2026, 3, 2), CopyCodes.newCode());

		BatchLayout layout = this.rendering.writeBatch(cover, letters, RenderOptions.GREYSCALE_PHOTOS, true, target);

		byte[] pdf = Files.readAllBytes(target);
		assertThat(layout.totalPages() % 2).isZero();
		assertPdfA2b(pdf);
		assertThat(imageColourSpaces(pdf)).hasSize(3).containsOnly("DeviceGray");
	}

	private static List<String> imageColourSpaces(byte[] pdf) throws IOException {
		List<String> spaces = new ArrayList<>();
		try (PDDocument doc = Loader.loadPDF(pdf)) {
			for (PDPage page : doc.getPages()) {
				for (COSName name : page.getResources().getXObjectNames()) {
					PDXObject x = page.getResources().getXObject(name);
					if (x instanceof PDImageXObject image) {
						spaces.add(image.getColorSpace().getName());
					}
				}
			}
		}
		assertThat(spaces).isNotEmpty();
		return spaces;
	}

	static void assertPdfA2b(byte[] pdf) throws Exception {
		try (PDFAParser parser = Foundries.defaultInstance()
			.createParser(new ByteArrayInputStream(pdf), PDFAFlavour.PDFA_2_B);
				PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_2_B, false)) {
			ValidationResult result = validator.validate(parser);
			List<String> failures = result.getTestAssertions()
				.stream()
				.filter(a -> a.getStatus() == TestAssertion.Status.FAILED)
				.map(a -> a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + ": " + a.getMessage())
				.distinct()
				.toList();
			assertThat(failures).as("veraPDF PDF/A-2b failures").isEmpty();
			assertThat(result.isCompliant()).isTrue();
		}
	}

	private static int differingBytes(byte[] a, byte[] b) {
		int n = 0;
		for (int i = 0; i < Math.min(a.length, b.length); i++) {
			if (a[i] != b[i]) {
				n++;
			}
		}
		return n;
	}

	static byte[] photo(int width, int height, String format) throws IOException {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(Color.ORANGE);
		g.fillRect(0, 0, width, height);
		g.setColor(Color.BLUE);
		g.fillOval(width / 4, height / 4, width / 2, height / 2);
		g.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, format, out);
		return out.toByteArray();
	}

}
