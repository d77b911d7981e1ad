package nl.postbrug.letters;

import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The preview a sender sees is the letter from the same template and renderer, marked on
 * every page, and nothing on it is a copy code the hand-over desk would take.
 */
class LetterPreviewTests {

	private static final Pattern CODE_SHAPE = Pattern.compile("PB-[0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z]");

	@Test
	void aPreviewIsTheLetterMarkedOnEveryPageWithoutAValidCopyCode() throws IOException {
		LetterContent letter = LetterFixtures.letter("Lieve Sam,\n\n" + "Het gaat goed hier. ".repeat(400));
		RenderedLetter preview = LetterFixtures.rendering()
			.preview(letter, RenderOptions.DEFAULT, "VOORBEELD – dit is nog geen brief", "VOORBEELD");
		RenderedLetter real = LetterFixtures.rendering().render(letter, RenderOptions.DEFAULT);
		assertThat(preview.pages()).isGreaterThan(1).isEqualTo(real.pages());
		try (PDDocument doc = Loader.loadPDF(preview.pdf())) {
			PDFTextStripper stripper = new PDFTextStripper();
			for (int page = 1; page <= doc.getNumberOfPages(); page++) {
				stripper.setStartPage(page);
				stripper.setEndPage(page);
				String text = LetterFixtures.normalise(stripper.getText(doc));
				assertThat(text).as("page " + page)
					.contains("VOORBEELD – dit is nog geen brief")
					.contains("Sam de Vries")
					.contains("1234567")
					.doesNotContain(letter.copyCode());
				Matcher anyCode = CODE_SHAPE.matcher(text);
				while (anyCode.find()) {
					assertThat(CopyCodes.isWellFormed(anyCode.group())).isFalse();
				}
			}
		}
		List<String> barcodes = PrintedCodes.decodeEachPage(preview.pdf(), 150);
		assertThat(barcodes).hasSize(preview.pages()).allSatisfy(code -> assertThat(code).isEqualTo("VOORBEELD"));
		assertThat(barcodes).noneMatch(CopyCodes::isWellFormed);
	}

	@Test
	void aPreviewCannotBeGivenAValidCode() {
		assertThatIllegalArgumentException().isThrownBy(() -> LetterFixtures.rendering()
			.preview(LetterFixtures.letter("Hoi"), RenderOptions.DEFAULT, "VOORBEELD", CopyCodes.newCode()));
	}

}
