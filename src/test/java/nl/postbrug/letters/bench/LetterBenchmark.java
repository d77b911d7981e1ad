package nl.postbrug.letters.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import com.google.zxing.EncodeHintType;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;

import nl.postbrug.letters.CopyCodes;
import nl.postbrug.letters.LetterContent;
import nl.postbrug.letters.RenderOptions;
import nl.postbrug.letters.RenderedLetter;
import nl.postbrug.letters.pdf.LetterPdf;

/**
 * Renders 2,000 one-page letters through the templates and, in the same run, the same
 * text with raw PDFBox (embedded DejaVu Sans subset, QR code as rectangles, no template)
 * as the baseline. Prints letters per second, the ratio to the baseline and bytes per
 * page; asserts nothing about time. Run with
 * {@code ./mvnw -Pbench test -Dtest=LetterBenchmark}.
 */
@EnabledIfSystemProperty(named = "postbrug.bench", matches = "true",
		disabledReason = "benchmark: run with ./mvnw -Pbench test -Dtest=LetterBenchmark")
public class LetterBenchmark {

	private static final int LETTERS = Integer.getInteger("letters", 2000);

	// the templated path is long: its first quarter ran slower with 300 warm-up letters,
	// so the JIT gets 1,000
	private static final int WARM_UP = 1000;

	private static final String BODY = "Lieve Sam,\n\nHet gaat goed met ons. De hond is gisteren weer ontsnapt en Oma vond hem "
			+ "bij de bakker, met een croissant in zijn bek. Je zus heeft haar rijexamen gehaald, de eerste keer! "
			+ "We denken elke dag aan je en tellen de weken tot het bezoek.\n\n"
			+ "In de tuin staan de tulpen in bloei. Papa heeft het schuurtje geverfd, groen deze keer. "
			+ "De buren vroegen hoe het met je gaat; ik heb gezegd dat je hard werkt aan je opleiding.\n\n"
			+ "Schrijf je terug? We sturen volgende week foto's van de verjaardag.\n\nVeel liefs, Mama";

	@Test
	void lettersPerSecondAgainstRawPdfBox() throws IOException {
		LetterPdf templates = new LetterPdf(Path.of("print-templates"), Clock.systemUTC());
		RawPdfBox raw = new RawPdfBox(false, false);
		RawPdfBox rawWithLigatures = new RawPdfBox(true, false);
		RawPdfBox rawLatinCut = new RawPdfBox(false, true);
		List<LetterContent> letters = new ArrayList<>();
		for (int i = 0; i < LETTERS; i++) {
			letters.add(new LetterContent("PI Vught", "Sam de Vries", "1234567", "B2", "117", "Ans de Vries",
					LocalDate.of(2026, 3, 1), BODY + " " + i, List.of(), CopyCodes.newCode()));
		}
		for (int i = 0; i < WARM_UP; i++) {
			templates.letter(letters.get(i), RenderOptions.DEFAULT);
			raw.letter(letters.get(i));
			rawWithLigatures.letter(letters.get(i));
			rawLatinCut.letter(letters.get(i));
		}

		// interleaved letter by letter, so a busy machine slows all four alike
		int rounds = 4;
		int perRound = LETTERS / rounds;
		StringBuilder roundRatios = new StringBuilder();
		long roundTemplateNanos = 0;
		long roundLigatureNanos = 0;
		long bytes = 0;
		long pages = 0;
		long rawBytes = 0;
		long ligatureBytes = 0;
		long templateNanos = 0;
		long rawNanos = 0;
		long ligatureNanos = 0;
		long latinCutNanos = 0;
		for (int i = 0; i < LETTERS; i++) {
			LetterContent letter = letters.get(i);
			long t0 = System.nanoTime();
			RenderedLetter rendered = templates.letter(letter, RenderOptions.DEFAULT);
			long t1 = System.nanoTime();
			rawBytes += raw.letter(letter).length;
			long t2 = System.nanoTime();
			ligatureBytes += rawWithLigatures.letter(letter).length;
			long t3 = System.nanoTime();
			rawLatinCut.letter(letter);
			long t4 = System.nanoTime();
			templateNanos += t1 - t0;
			rawNanos += t2 - t1;
			ligatureNanos += t3 - t2;
			latinCutNanos += t4 - t3;
			bytes += rendered.pdf().length;
			pages += rendered.pages();
			roundTemplateNanos += t1 - t0;
			roundLigatureNanos += t3 - t2;
			if ((i + 1) % perRound == 0) {
				roundRatios.append(String.format(" %.2f", (double) roundLigatureNanos / roundTemplateNanos));
				roundTemplateNanos = 0;
				roundLigatureNanos = 0;
			}
		}
		double templateSeconds = templateNanos / 1e9;
		double rawSeconds = rawNanos / 1e9;
		double ligatureSeconds = ligatureNanos / 1e9;

		double templateRate = LETTERS / templateSeconds;
		double rawRate = LETTERS / rawSeconds;
		System.out.printf("%n== Letter benchmark (%d one-page letters, one thread)%n", LETTERS);
		System.out.printf("templates (openhtmltopdf, PDF/A-2b): %7.1f letters/s  %6.0f bytes/page  (%d pages)%n",
				templateRate, (double) bytes / pages, pages);
		double ligatureRate = LETTERS / ligatureSeconds;
		System.out.printf("raw PDFBox, glyph substitution off:  %7.1f letters/s  %6.0f bytes/page%n", rawRate,
				(double) rawBytes / LETTERS);
		System.out.printf("raw PDFBox, default (ligatures on):  %7.1f letters/s  %6.0f bytes/page%n", ligatureRate,
				(double) ligatureBytes / LETTERS);
		double latinCutRate = LETTERS / (latinCutNanos / 1e9);
		System.out.printf("raw PDFBox, Latin cut, substitution off: %5.1f letters/s%n", latinCutRate);
		System.out.printf(
				"ratio templates / raw (Latin cut, substitution off): %5.2f x  (same font set-up as the renderer)%n",
				templateRate / latinCutRate);
		System.out.printf("ratio templates / raw (substitution off): %5.2f x%n", templateRate / rawRate);
		System.out.printf("ratio templates / raw (PDFBox default):   %5.2f x  (target >= 0.6)%n",
				templateRate / ligatureRate);
		System.out.printf("the same per quarter of the run:         %s%n%n", roundRatios.toString().strip());
	}

	/**
	 * The same letter drawn directly with PDFBox: the fastest we could print it. Its
	 * fonts skip glyph substitution like the renderer's do, so the comparison is about
	 * templates.
	 */
	public static final class RawPdfBox {

		private final TrueTypeFont regular;

		private final TrueTypeFont bold;

		/**
		 * @param ligatures keep the font's glyph substitution table (PDFBox's default)
		 * @param latinCut embed from a cut of the font to Latin glyphs, as the renderer
		 * does for Latin-only letters (PDFBox's set-up of a font grows with its number of
		 * glyphs)
		 */
		public RawPdfBox(boolean ligatures, boolean latinCut) {
			this.regular = parse("fonts/DejaVuSans.ttf", ligatures, latinCut);
			this.bold = parse("fonts/DejaVuSans-Bold.ttf", ligatures, latinCut);
		}

		public byte[] letter(LetterContent letter) throws IOException {
			try (PDDocument doc = new PDDocument()) {
				PDType0Font font = PDType0Font.load(doc, this.regular, true);
				PDType0Font boldFont = PDType0Font.load(doc, this.bold, true);
				PDPage page = new PDPage(PDRectangle.A4);
				doc.addPage(page);
				float mm = 72 / 25.4f;
				float left = 18 * mm;
				float width = 174 * mm;
				float top = PDRectangle.A4.getHeight() - 20 * mm;
				try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
					text(cs, boldFont, 11, left, top, letter.facilityName());
					text(cs, font, 9.5f, left + 120 * mm, top, "Registry no. " + letter.registryNumber());
					text(cs, boldFont, 12, left, top - 14, letter.prisonerName());
					text(cs, font, 9.5f, left + 120 * mm, top - 14,
							"Unit " + letter.unit() + " · Cell " + letter.cell());
					text(cs, font, 10, left, top - 40,
							"From: " + letter.senderName() + "   Received: " + letter.receivedDate());
					float y = top - 64;
					for (String paragraph : letter.body().split("\n\n")) {
						y = paragraph(cs, font, 11, left, y, width, paragraph) - 8;
					}
					float footer = 30 * mm;
					text(cs, boldFont, 11, left + 28 * mm, footer, letter.copyCode());
					text(cs, boldFont, 11, left + width - 20, footer, "1 / 1");
					qr(cs, letter.copyCode(), left, footer - 16 * mm, 22 * mm);
				}
				ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
				doc.save(out);
				return out.toByteArray();
			}
		}

		private static void text(PDPageContentStream cs, PDType0Font font, float size, float x, float y, String text)
				throws IOException {
			cs.beginText();
			cs.setFont(font, size);
			cs.newLineAtOffset(x, y);
			cs.showText(text);
			cs.endText();
		}

		/** Greedy word wrap, each word measured once. */
		private static float paragraph(PDPageContentStream cs, PDType0Font font, float size, float x, float y,
				float width, String text) throws IOException {
			float space = font.getStringWidth(" ") / 1000 * size;
			float leading = size * 1.45f;
			StringBuilder line = new StringBuilder();
			float lineWidth = 0;
			for (String word : text.replace('\n', ' ').split(" ")) {
				float w = font.getStringWidth(word) / 1000 * size;
				if (line.length() > 0 && lineWidth + space + w > width) {
					text(cs, font, size, x, y, line.toString());
					y -= leading;
					line.setLength(0);
					lineWidth = 0;
				}
				if (line.length() > 0) {
					line.append(' ');
					lineWidth += space;
				}
				line.append(word);
				lineWidth += w;
			}
			if (line.length() > 0) {
				text(cs, font, size, x, y, line.toString());
				y -= leading;
			}
			return y;
		}

		private static void qr(PDPageContentStream cs, String code, float x, float y, float size) throws IOException {
			ByteMatrix m;
			try {
				m = Encoder.encode(code, ErrorCorrectionLevel.Q, Map.of(EncodeHintType.QR_VERSION, 1)).getMatrix();
			}
			catch (com.google.zxing.WriterException ex) {
				throw new IllegalStateException(ex);
			}
			float cell = size / (m.getWidth() + 8);
			for (int row = 0; row < m.getHeight(); row++) {
				for (int col = 0; col < m.getWidth(); col++) {
					if (m.get(col, row) == 1) {
						cs.addRect(x + (4 + col) * cell, y + size - (5 + row) * cell, cell, cell);
					}
				}
			}
			cs.fill();
		}

		private static TrueTypeFont parse(String resource, boolean ligatures, boolean latinCut) {
			try (InputStream in = LetterBenchmark.class.getClassLoader().getResourceAsStream(resource)) {
				byte[] ttf = in.readAllBytes();
				int tables = ((ttf[4] & 0xFF) << 8) | (ttf[5] & 0xFF);
				for (int i = 0; i < tables; i++) {
					int record = 12 + 16 * i;
					if (!ligatures
							&& new String(ttf, record, 4, java.nio.charset.StandardCharsets.US_ASCII).equals("GSUB")) {
						ttf[record] = 'g';
					}
				}
				TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(ttf));
				return latinCut ? latinCut(font) : font;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		private static TrueTypeFont latinCut(TrueTypeFont font) throws IOException {
			TTFSubsetter subsetter = new TTFSubsetter(font);
			for (int[] range : new int[][] { { 0x20, 0x7E }, { 0xA0, 0x24F }, { 0x300, 0x36F }, { 0x2000, 0x206F },
					{ 0x20A0, 0x20CF }, { 0x2100, 0x214F }, { 0xFFFD, 0xFFFD } }) {
				for (int cp = range[0]; cp <= range[1]; cp++) {
					subsetter.add(cp);
				}
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			subsetter.writeToStream(out);
			return new TTFParser().parse(new RandomAccessReadBuffer(out.toByteArray()));
		}

	}

}
