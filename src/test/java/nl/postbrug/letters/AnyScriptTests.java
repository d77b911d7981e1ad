package nl.postbrug.letters;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static nl.postbrug.letters.LetterFixtures.normalise;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Letters in every script a sender may write, read back from the PDF as the prisoner
 * would.
 */
class AnyScriptTests {

	/**
	 * Printers cannot print closer than ~5 mm to the edge; we keep everything 10 mm
	 * inside.
	 */
	private static final float SAFE_MARGIN = 10 / 25.4f * 72;

	private final LetterRendering rendering = LetterFixtures.rendering();

	static Stream<Arguments> languages() {
		return Stream.of(Arguments.of("Dutch",
				"Lieve Sam,\nWe zijn zó trots op je. Het café op de hoek is dicht; België won!\n\nTot zondag, je moeder"),
				Arguments.of("Polish", "Kochany Tomku,\nZażółć gęślą jaźń. Tęsknimy bardzo, całujemy mocno.\n\nMama"),
				Arguments.of("Turkish",
						"Sevgili oğlum,\nİstanbul'dan selamlar. Çok özledik, ağabeyin de iyi. Işıl ışıl bir gün.\n\nAnnen"),
				Arguments.of("Russian", "Дорогой Саша,\nмы очень скучаем. Погода хорошая, щенок вырос.\n\nТвоя мама"),
				Arguments.of("Greek",
						"Αγαπητέ Νίκο,\nσου στέλνουμε πολλά φιλιά. Ο καιρός είναι ζεστός.\n\nΗ μητέρα σου"),
				Arguments.of("Arabic", "عزيزي أحمد،\nنحن نفتقدك كثيرا. الأطفال بخير والحمد لله.\n\nأمك"),
				Arguments.of("Hebrew", "דוד היקר,\nאנחנו מתגעגעים אליך מאוד. הכלב גדל והילדים בסדר.\n\nאמא"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("languages")
	void printsEveryCharacterOfTheMessageReadableInsideTheMargins(String language, String body) throws IOException {
		LetterContent letter = new LetterContent("PI Vught", sender(body), "1234567", "B2", "117", sender(body),
				LocalDate.of(2026, 3, 1), body, List.of(), CopyCodes.newCode());

		RenderedLetter rendered = this.rendering.render(letter, RenderOptions.DEFAULT);

		assertThat(rendered.replacements()).as("replaced characters").isEmpty();
		String text = extracted(rendered.pdf());
		for (String line : body.split("\n+")) {
			assertThat(text).as(language).contains(normalise(line));
		}
		assertThat(text).contains(normalise(sender(body)));
		assertNothingOutsideTheMargins(rendered.pdf());
		assertThat(PrintedCodes.decodeEachPage(rendered.pdf(), 150)).containsExactly(letter.copyCode());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("uncovered")
	void replacesWhatNoBundledFontHasVisiblyAndReportsIt(String what, String body, String missing) throws IOException {
		LetterRendering r = this.rendering;
		LetterContent letter = LetterFixtures.letter(body);

		RenderedLetter rendered = r.render(letter, RenderOptions.DEFAULT);

		List<Integer> expected = missing.codePoints().boxed().toList();
		assertThat(rendered.replacements()).extracting(Replacement::codePoint).containsExactlyElementsOf(expected);
		assertThat(rendered.replacements()).allSatisfy(rep -> {
			assertThat(rep.field()).isEqualTo("body");
			assertThat(body.codePointAt(rep.offset())).isEqualTo(rep.codePoint());
		});
		String text = extracted(rendered.pdf());
		StringBuilder printed = new StringBuilder();
		body.codePoints()
			.filter(cp -> cp < 0xFE00 || cp > 0xFE0F)
			.forEach(cp -> printed.appendCodePoint(missing.indexOf(Character.toString(cp)) >= 0 ? 0xFFFD : cp));
		assertThat(text).contains(normalise(printed.toString()));
		assertNothingOutsideTheMargins(rendered.pdf());
	}

	static Stream<Arguments> uncovered() {
		return Stream.of(Arguments.of("Chinese", "妈妈很想你。我们都好。", "妈妈很想你。我们都好。"),
				Arguments.of("Emoji", "Love you 🥰 ❤️ 🦒 bye", "🥰🦒"),
				Arguments.of("Mixed", "Groetjes 你好 en 👍 — żółw", "你好👍"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("languages")
	void longWordsWrapInsteadOfRunningOffThePage(String language, String body) throws IOException {
		String word = body.replaceAll("[\\s\\p{P}]", "").repeat(6);
		RenderedLetter rendered = this.rendering.render(LetterFixtures.letter(word + " " + word),
				RenderOptions.DEFAULT);

		assertNothingOutsideTheMargins(rendered.pdf());
		assertThat(extracted(rendered.pdf()).replace(" ", "")).contains(normalise(word));
	}

	private static String sender(String body) {
		return body.substring(body.lastIndexOf('\n') + 1);
	}

	private static String extracted(byte[] pdf) throws IOException {
		return LetterFixtures.text(pdf);
	}

	static void assertNothingOutsideTheMargins(byte[] pdf) throws IOException {
		try (PDDocument doc = Loader.loadPDF(pdf)) {
			List<String> outside = new ArrayList<>();
			PDFTextStripper stripper = new PDFTextStripper() {
				@Override
				protected void writeString(String text, List<TextPosition> positions) throws IOException {
					PDRectangle page = getCurrentPage().getMediaBox();
					for (TextPosition p : positions) {
						float left = p.getXDirAdj();
						float right = left + p.getWidthDirAdj();
						float baseline = p.getYDirAdj();
						float top = baseline - p.getHeightDir();
						if (left < SAFE_MARGIN || right > page.getWidth() - SAFE_MARGIN || top < SAFE_MARGIN
								|| baseline > page.getHeight() - SAFE_MARGIN) {
							outside.add("'" + p.getUnicode() + "' at (" + left + ", " + baseline + ") on page "
									+ getCurrentPageNo());
						}
					}
				}
			};
			stripper.getText(doc);
			assertThat(outside).as("text outside the printable area").isEmpty();
		}
	}

}
