package nl.postbrug.letters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Batch PDFs: one document, fonts shared by all letters, the manifest right about pages,
 * duplex padding.
 */
class BatchPdfTests {

	private final LetterRendering rendering = LetterFixtures.rendering();

	private static final String LONG = String.join("\n\n",
			Collections.nCopies(40, "A longer paragraph about everything at home and the garden."));

	private static final List<String> BODIES = List.of("Dag Sam,\n\nalles goed hier. Groeten van iedereen.",
			"Привет! Как дела? Мы все тебя ждём.", "مرحبا سام، كيف حالك؟ نحن بخير.", "שלום סם, מה שלומך? כולנו בסדר.",
			"Γεια σου Σαμ! Όλα καλά εδώ.", "Cześć! Żółw i źrebię mają się dobrze.", LONG);

	@Test
	void everyPageCarriesItsCodeAndEveryLetterItsTextInOneDocument(@TempDir Path dir) throws IOException {
		List<LetterContent> letters = letters(BODIES);
		BatchCover cover = new BatchCover("PI Vught", "morning", LocalDate.of(2026, 3, 2), "BATCH-0101");
		Path target = dir.resolve("batch.pdf");

		BatchLayout layout = this.rendering.writeBatch(cover, letters, RenderOptions.DEFAULT, false, target);

		byte[] pdf = Files.readAllBytes(target);
		List<String> expected = new ArrayList<>(Collections.nCopies(layout.coverPages(), "BATCH-0101"));
		for (int i = 0; i < letters.size(); i++) {
			expected.addAll(Collections.nCopies(layout.letterPages().get(i), letters.get(i).copyCode()));
		}
		assertThat(PrintedCodes.decodeEachPage(pdf, 150)).containsExactlyElementsOf(expected);
		try (PDDocument doc = Loader.loadPDF(pdf)) {
			int longPages = layout.letterPages().get(6);
			assertThat(pagesText(doc, 1, 1)).containsPattern("Letters\\s+7")
				.containsPattern("A1\\s+3\\s+" + (2 + longPages))
				.containsPattern("B2\\s+4\\s+4");
			for (int i = 0; i < letters.size(); i++) {
				String text = pagesText(doc, layout.firstPages().get(i), layout.letterPages().get(i));
				String firstLine = LetterFixtures.normalise(BODIES.get(i).split("[.!?؟]")[0]);
				assertThat(text).contains(letters.get(i).copyCode(), "Sam de Vries");
				if (i == 0 || i == 1 || i == 4 || i == 5) {
					assertThat(text).contains(firstLine);
				}
			}
			// right-to-left text is shaped and reordered: its words come out, whatever
			// their order
			assertThat(pagesText(doc, layout.firstPages().get(2), 1)).contains("مرحبا", "سام");
			assertThat(pagesText(doc, layout.firstPages().get(3), 1)).contains("שלום", "סם");
		}
		try (var left = Files.list(dir)) {
			assertThat(left).containsExactly(target);
		}
	}

	@Test
	void embedsEachFontProgramOnceForTheWholeBatch(@TempDir Path dir) throws IOException {
		Path target = dir.resolve("batch.pdf");
		List<String> bodies = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			bodies.add(BODIES.get(i % (BODIES.size() - 1)));
		}

		this.rendering.writeBatch(new BatchCover("PI Vught", "morning", LocalDate.of(2026, 3, 2), "BATCH-0102"),
				letters(bodies), RenderOptions.DEFAULT, false, target);

		try (PDDocument doc = Loader.loadPDF(target.toFile())) {
			// one FontFile2 stream per face for the whole batch, not one per letter
			long fontPrograms = doc.getDocument()
				.getObjectsByType(COSName.FONT_DESC)
				.stream()
				.map(o -> ((COSDictionary) o.getObject()).getCOSObject(COSName.FONT_FILE2))
				.filter(java.util.Objects::nonNull)
				.map(o -> o.getKey())
				.distinct()
				.count();
			assertThat(fontPrograms).isBetween(1L, 2L);
		}
	}

	@Test
	void inDuplexEveryLetterStartsOnTheFrontOfASheet(@TempDir Path dir) throws IOException {
		List<LetterContent> letters = letters(List.of("One page.", LONG, "One page again.", LONG, LONG, "Last."));
		Path target = dir.resolve("batch.pdf");

		BatchLayout layout = this.rendering.writeBatch(
				new BatchCover("PI Vught", "morning", LocalDate.of(2026, 3, 2), "BATCH-0103"), letters,
				RenderOptions.DEFAULT, true, target);

		assertThat(layout.duplex()).isTrue();
		assertThat(layout.coverPages() % 2).isZero();
		assertThat(layout.totalPages() % 2).isZero();
		assertThat(layout.firstPages()).allSatisfy(first -> assertThat(first % 2).isEqualTo(1));
		for (int i = 0; i < letters.size(); i++) {
			assertThat(paddedPages(layout, i)).isEven()
				.isBetween(layout.letterPages().get(i), layout.letterPages().get(i) + 1);
		}
		byte[] pdf = Files.readAllBytes(target);
		List<String> codes = PrintedCodes.decodeEachPage(pdf, 150);
		assertThat(codes).hasSize(layout.totalPages());
		for (int i = 0; i < letters.size(); i++) {
			int first = layout.firstPages().get(i);
			assertThat(codes.subList(first - 1, first - 1 + layout.letterPages().get(i)))
				.containsOnly(letters.get(i).copyCode());
			if (paddedPages(layout, i) > layout.letterPages().get(i)) {
				assertThat(codes.get(first - 1 + layout.letterPages().get(i))).as("blank page after letter %d", i)
					.isNull();
			}
		}
		assertManifestMatches(pdf, layout, letters);
	}

	@Test
	void aReplySheetFollowsItsLetterAndInDuplexStartsOnASheetOfItsOwn(@TempDir Path dir) throws IOException {
		String reply = ReplyCodes.newCode();
		List<LetterContent> letters = letters(List.of("One page, with a reply sheet.", "One page without."));
		letters = List.of(letters.get(0).withReplyCode(reply), letters.get(1));
		Path target = dir.resolve("batch.pdf");

		BatchLayout layout = this.rendering.writeBatch(
				new BatchCover("PI Vught", "morning", LocalDate.of(2026, 3, 2), "BATCH-0104"), letters,
				RenderOptions.DEFAULT, true, target);

		// letter, blank back, reply sheet, blank back
		assertThat(layout.letterPages()).containsExactly(2, 1);
		assertThat(paddedPages(layout, 0)).isEqualTo(4);
		List<String> codes = PrintedCodes.decodeEachPage(Files.readAllBytes(target), 150);
		int first = layout.firstPages().get(0);
		assertThat(codes.subList(first - 1, first + 3)).containsExactly(letters.get(0).copyCode(), null, reply, null);
		assertThat(codes.stream().filter(c -> c != null && c.startsWith("PR-"))).containsExactly(reply);
	}

	@Test
	void theManifestSaysWhereEachLetterStarts(@TempDir Path dir) throws IOException {
		List<String> bodies = new ArrayList<>();
		for (int i = 0; i < 70; i++) {
			bodies.add(i % 9 == 4 ? LONG : "Letter " + i + ".");
		}
		List<LetterContent> letters = letters(bodies);
		Path target = dir.resolve("batch.pdf");

		BatchLayout layout = this.rendering.writeBatch(
				new BatchCover("PI Vught", "morning", LocalDate.of(2026, 3, 2), "BATCH-0104"), letters,
				RenderOptions.DEFAULT, false, target);

		assertThat(layout.coverPages()).isGreaterThan(2);
		assertManifestMatches(Files.readAllBytes(target), layout, letters);
	}

	@Test
	void aTextPageCostsUnderThreeKilobytes(@TempDir Path dir) throws IOException {
		List<String> bodies = Collections.nCopies(200, "Lieve Jan,\n\nHier een brief van een gewone lengte, met nieuws "
				+ "van thuis: de kinderen zijn naar school, de hond heeft de tuin omgespit en oma komt zondag op bezoek.");
		Path target = dir.resolve("batch.pdf");
		List<LetterContent> letters = letters(bodies);
		// the batches module passes a list that loads each letter when asked; read it
		// once, by index
		int[] reads = { 0 };
		List<LetterContent> lazy = new AbstractList<>() {
			@Override
			public LetterContent get(int index) {
				reads[0]++;
				return letters.get(index);
			}

			@Override
			public int size() {
				return letters.size();
			}
		};

		BatchLayout layout = this.rendering.writeBatch(
				new BatchCover("PI Vught", "morning", LocalDate.of(2026, 3, 2), "BATCH-0105"), lazy,
				RenderOptions.DEFAULT, false, target);

		if (System.getProperty("batch.keep") != null) {
			Files.copy(target, Path.of(System.getProperty("batch.keep")),
					java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		}
		assertThat(reads[0]).isEqualTo(200);
		assertThat(Files.size(target) / layout.totalPages()).isLessThan(3_000);
	}

	private static void assertManifestMatches(byte[] pdf, BatchLayout layout, List<LetterContent> letters)
			throws IOException {
		try (PDDocument doc = Loader.loadPDF(pdf)) {
			String manifest = pagesText(doc, 2, layout.coverPages() - 1);
			for (int i = 0; i < letters.size(); i++) {
				Matcher m = Pattern.compile(Pattern.quote(letters.get(i).copyCode()) + "\\s+(\\d+)\\s+(\\d+)")
					.matcher(manifest);
				assertThat(m.find()).as("manifest row of letter %d", i + 1).isTrue();
				assertThat(Integer.parseInt(m.group(1))).isEqualTo(layout.letterPages().get(i));
				int first = Integer.parseInt(m.group(2));
				assertThat(first).as("first page of letter %d", i + 1).isEqualTo(layout.firstPages().get(i));
				assertThat(pagesText(doc, first, 1)).contains(letters.get(i).copyCode());
				if (first - 1 > layout.coverPages()) {
					assertThat(pagesText(doc, first - 1, 1)).doesNotContain(letters.get(i).copyCode());
				}
			}
		}
	}

	private static List<LetterContent> letters(List<String> bodies) {
		List<LetterContent> letters = new ArrayList<>();
		for (int i = 0; i < bodies.size(); i++) {
			letters.add(new LetterContent("PI Vught", "Sam de Vries", "1234567", i % 3 == 0 ? "A1" : "B2",
					Integer.toString(100 + i), "Ans de Vries", LocalDate.of(2026, 3, 1), bodies.get(i), List.of(),
					CopyCodes.newCode()));
		}
		return letters;
	}

	private static String pagesText(PDDocument doc, int first, int count) throws IOException {
		PDFTextStripper stripper = new PDFTextStripper();
		stripper.setStartPage(first);
		stripper.setEndPage(first + count - 1);
		return LetterFixtures.normalise(stripper.getText(doc));
	}

	/** Pages the letter at {@code index} takes in the PDF, blank padding included. */
	private static int paddedPages(BatchLayout layout, int index) {
		List<Integer> first = layout.firstPages();
		int next = index + 1 < first.size() ? first.get(index + 1) : layout.totalPages() + 1;
		return next - first.get(index);
	}

}
