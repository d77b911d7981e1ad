package nl.postbrug.letters;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LetterRenderingTests {

	private final LetterRendering rendering = LetterFixtures.rendering();

	@Test
	void rendersAOnePageLetterWithRecipientDetailsAndReadableBarcode() throws IOException {
		LetterContent letter = letter("Dear Sam,\nwe miss you.\n\nSee you on Sunday!\nMum", List.of());

		RenderedLetter rendered = this.rendering.render(letter, RenderOptions.DEFAULT);

		assertThat(rendered.pages()).isEqualTo(1);
		String text = text(rendered.pdf());
		assertThat(text).contains("PI Vught", "Sam de Vries", "1234567", "B2", "117", "Ans de Vries", "2026-03-01",
				"we miss you.", "See you on Sunday!", "1 / 1", letter.copyCode());
		assertThat(PrintedCodes.decodeEachPage(rendered.pdf(), 150)).containsExactly(letter.copyCode());
	}

	@Test
	void aLetterPrintedOnItsOwnIsFollowedByItsReplySheetOnASheetOfItsOwnInDuplex() {
		LetterContent plain = letter("Dag Sam,\nschrijf je terug?\nMam", List.of());
		String replyCode = ReplyCodes.newCode();
		LetterContent withSheet = plain.withReplyCode(replyCode);

		RenderedLetter simplex = this.rendering.renderForPrint(withSheet, RenderOptions.DEFAULT, false);
		RenderedLetter duplex = this.rendering.renderForPrint(withSheet, RenderOptions.DEFAULT, true);
		RenderedLetter without = this.rendering.renderForPrint(plain, RenderOptions.DEFAULT, true);

		assertThat(PrintedCodes.decodeEachPage(simplex.pdf(), 150)).containsExactly(plain.copyCode(), replyCode);
		assertThat(simplex.pages()).isEqualTo(2);
		assertThat(PrintedCodes.decodeEachPage(duplex.pdf(), 150)).as("the back of the letter left blank")
			.containsExactly(plain.copyCode(), null, replyCode);
		assertThat(duplex.pages()).isEqualTo(3);
		assertThat(PrintedCodes.decodeEachPage(without.pdf(), 150)).containsExactly(plain.copyCode());
	}

	@Test
	void paginatesALongLetterWithHeaderAndBarcodeOnEveryPage() throws IOException {
		String body = String.join("\n\n", Collections.nCopies(60,
				"This paragraph tells about the garden, the dog, the neighbours and the weather this week."));
		LetterContent letter = letter(body + "\n\nThe last line.", List.of());

		RenderedLetter rendered = this.rendering.render(letter, RenderOptions.DEFAULT);

		int n = rendered.pages();
		assertThat(n).isBetween(3, 8);
		try (PDDocument doc = Loader.loadPDF(rendered.pdf())) {
			assertThat(doc.getNumberOfPages()).isEqualTo(n);
			for (int page = 1; page <= n; page++) {
				String text = pageText(doc, page);
				assertThat(text).as("page %d", page)
					.contains("PI Vught", "Sam de Vries", "1234567", "B2", "117", page + " / " + n, letter.copyCode());
			}
			assertThat(pageText(doc, 1)).contains("Ans de Vries");
			assertThat(pageText(doc, n)).contains("The last line.");
		}
		assertThat(PrintedCodes.decodeEachPage(rendered.pdf(), 150)).hasSize(n).containsOnly(letter.copyCode());
	}

	@Test
	void barcodesDecodeAtCommonScanResolutions() {
		for (int i = 0; i < 10; i++) {
			LetterContent letter = letter("Scan me.", List.of());
			byte[] pdf = this.rendering.render(letter, RenderOptions.DEFAULT).pdf();
			for (int dpi : new int[] { 150, 200, 300 }) {
				assertThat(PrintedCodes.decodeEachPage(pdf, dpi)).as("%s at %d dpi", letter.copyCode(), dpi)
					.containsExactly(letter.copyCode());
			}
		}
	}

	@Test
	void printsMarkupInTheMessageLiterally() throws IOException {
		String hostile = "<script>alert(1)</script><b>x</b> & \"quotes\" 'too' {{prisonerName}}";
		LetterContent letter = new LetterContent("PI <i>Vught</i>", "Sam & Co", "1234567", "B2", "117", "<b>Ans</b>",
				LocalDate.of(2026, 3, 1), hostile, List.of(), CopyCodes.newCode());

		String text = text(this.rendering.render(letter, RenderOptions.DEFAULT).pdf());

		assertThat(text).contains("<script>alert(1)</script><b>x</b> & \"quotes\" 'too' {{prisonerName}}",
				"PI <i>Vught</i>", "Sam & Co", "<b>Ans</b>");
	}

	@Test
	void printsPhotosInAFixedBox() throws IOException {
		LetterContent letter = letter("A photo of the dog.",
				List.of(png(400, 300, Color.ORANGE), png(100, 500, Color.BLUE)));

		RenderedLetter rendered = this.rendering.render(letter, RenderOptions.DEFAULT);

		assertThat(rendered.pages()).isBetween(1, 2);
		assertThat(PrintedCodes.decodeEachPage(rendered.pdf(), 150)).containsOnly(letter.copyCode());
	}

	@Test
	void replacesCharactersTheFontLacksInsteadOfFailing() throws IOException {
		LetterContent letter = letter("Love 😀❤️ 🦒 你好 مرحبا Ελλάδα — żółw \u0000\u0007 \uD800 end", List.of());

		RenderedLetter rendered = this.rendering.render(letter, RenderOptions.DEFAULT);

		String text = text(rendered.pdf());
		assertThat(text).contains("Love", "\uFFFD", "Ελλάδα", "żółw", "end").doesNotContain("🦒", "你");
	}

	@Test
	void writesABatchWithCoverSheetFollowedByEveryLetterInOrder(@TempDir Path dir) throws IOException {
		String longBody = String.join("\n\n", Collections.nCopies(40, "A longer paragraph about everything at home."));
		List<LetterContent> letters = List.of(letter("Short one.", List.of()), letter(longBody, List.of()),
				letter("Another short one.", List.of()));
		BatchCover cover = new BatchCover("PI Vught", "2026-03-02 morning", LocalDate.of(2026, 3, 2), "BATCH-0042");
		Path target = dir.resolve("batch.pdf");

		BatchLayout layout = this.rendering.writeBatch(cover, letters, RenderOptions.DEFAULT, false, target);

		assertThat(layout.coverPages()).isEqualTo(2);
		assertThat(layout.letterPages()).hasSize(3);
		assertThat(layout.letterPages().get(1)).isGreaterThan(1);
		int letterPages = layout.letterPages().stream().mapToInt(Integer::intValue).sum();
		assertThat(layout.totalPages()).isEqualTo(2 + letterPages);
		assertThat(layout.firstPages()).containsExactly(3, 4, 4 + layout.letterPages().get(1));
		byte[] pdf = Files.readAllBytes(target);
		try (PDDocument doc = Loader.loadPDF(pdf)) {
			assertThat(doc.getNumberOfPages()).isEqualTo(layout.totalPages());
			assertThat(pageText(doc, 1)).contains("PI Vught", "2026-03-02 morning", "2026-03-02", "BATCH-0042")
				.containsPattern("Letters\\s+3")
				.containsPattern("Letter pages\\s+" + letterPages);
			String manifest = pageText(doc, 2);
			assertThat(manifest).contains("3 letters, " + letterPages + " pages", "Manifest page 1 / 1");
			for (int i = 0; i < letters.size(); i++) {
				assertThat(manifest).containsPattern(
						(i + 1) + "\\s+B2\\s+117\\s+Sam de Vries\\s+1234567\\s+" + letters.get(i).copyCode() + "\\s+"
								+ layout.letterPages().get(i) + "\\s+" + layout.firstPages().get(i));
			}
		}
		List<String> expected = new java.util.ArrayList<>(List.of("BATCH-0042", "BATCH-0042"));
		for (int i = 0; i < letters.size(); i++) {
			expected.addAll(Collections.nCopies(layout.letterPages().get(i), letters.get(i).copyCode()));
		}
		assertThat(PrintedCodes.decodeEachPage(pdf, 150)).containsExactlyElementsOf(expected);
		try (var left = Files.list(dir)) {
			assertThat(left).containsExactly(target);
		}
	}

	@Test
	void aLongManifestRunsOverPagesEachWithTheBatchBarcode() throws IOException {
		List<LetterContent> letters = new java.util.ArrayList<>();
		for (int i = 0; i < 90; i++) {
			letters.add(letter("Letter " + i, List.of()));
		}
		BatchCover cover = new BatchCover("PI Vught", "evening", LocalDate.of(2026, 3, 2), "BATCH-0043");
		var pdf = new nl.postbrug.letters.pdf.LetterPdf(LetterFixtures.TEMPLATES, LetterFixtures.CLOCK);

		RenderedLetter manifest = pdf.manifest(cover, letters, Collections.nCopies(90, 1));

		assertThat(manifest.pages()).isGreaterThan(1);
		String text = text(manifest.pdf());
		for (LetterContent l : letters) {
			assertThat(text).contains(l.copyCode());
		}
		assertThat(text).contains("Manifest page " + manifest.pages() + " / " + manifest.pages());
		assertThat(PrintedCodes.decodeEachPage(manifest.pdf(), 150)).hasSize(manifest.pages())
			.containsOnly("BATCH-0043");
		AnyScriptTests.assertNothingOutsideTheMargins(manifest.pdf());
	}

	private static LetterContent letter(String body, List<byte[]> photos) {
		return new LetterContent("PI Vught", "Sam de Vries", "1234567", "B2", "117", "Ans de Vries",
				LocalDate.of(2026, 3, 1), body, photos, CopyCodes.newCode());
	}

	private static String text(byte[] pdf) throws IOException {
		try (PDDocument doc = Loader.loadPDF(pdf)) {
			return normalise(new PDFTextStripper().getText(doc));
		}
	}

	private static String pageText(PDDocument doc, int page) throws IOException {
		PDFTextStripper stripper = new PDFTextStripper();
		stripper.setStartPage(page);
		stripper.setEndPage(page);
		return normalise(stripper.getText(doc));
	}

	/**
	 * PDFBox applies the font's ligatures; extracted text then holds U+FB01 for "fi" and
	 * so on.
	 */
	private static String normalise(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFKC);
	}

	private static byte[] png(int width, int height, Color color) throws IOException {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(color);
		g.fillRect(0, 0, width, height);
		g.setColor(Color.BLACK);
		g.drawLine(0, 0, width, height);
		g.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

}
