package nl.postbrug.letters.pdf;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import nl.postbrug.letters.CopyCodes;
import nl.postbrug.letters.LetterContent;
import nl.postbrug.letters.RenderOptions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Letters in Latin script are drawn with the Latin cut of the fonts, and look no
 * different for it.
 */
class FontCutTests {

	private static final LetterPdf PDF = new LetterPdf(Path.of("print-templates"),
			Clock.fixed(Instant.parse("2026-03-02T06:00:00Z"), ZoneOffset.UTC));

	@Test
	void aLatinLetterLooksTheSameInTheLatinCutAsInTheWholeFont() throws IOException {
		for (String body : List.of(
				"Lieve Sam,\n\nHet gaat goed. Oma's tuin staat in bloei — tot gauw! 12 € of ½ taart.",
				"Cześć Sam, zażółć gęślą jaźń. Łódź, Śląsk.",
				"Merhaba Sam, İstanbul'da güzel bir gün. Ağaç, şeker, ılık.",
				"Chère Anne, « ça va ? » Grüße aus Köln, Ærø, Ŧest ǅ.")) {
			LetterContent letter = new LetterContent("PI Vught", "Sam de Vries", "1234567", "B2", "117", "Ans de Vries",
					LocalDate.of(2026, 3, 1), body, List.of(), CopyCodes.newCode());
			LetterPdf.Filled filled = PDF.filledLetter(letter, RenderOptions.DEFAULT);
			assertThat(Fonts.cutFor(filled.xhtml())).as(body).isEqualTo(Fonts.Cut.LATIN);

			byte[] latin = render(letter, Fonts.Cut.LATIN);
			byte[] whole = render(letter, Fonts.Cut.WHOLE);
			assertThat(latin).as("different glyph numbers in the two cuts").isNotEqualTo(whole);

			assertThat(pixels(latin)).as("the page at 100 dpi, in the Latin cut and whole: " + body)
				.isEqualTo(pixels(whole));
			assertThat(latin.length).isLessThanOrEqualTo(whole.length + 512);
		}
	}

	@Test
	void anyOtherCharacterTheDocumentCanPrintTakesTheWholeFont() throws Exception {
		assertThat(Fonts.cutFor(xhtml("<p>Dag Sam, tot ziens — € 12</p>"))).isEqualTo(Fonts.Cut.LATIN);
		assertThat(Fonts.cutFor(xhtml("<p>Привет</p>"))).as("Cyrillic text").isEqualTo(Fonts.Cut.WHOLE);
		assertThat(Fonts.cutFor(xhtml("<p>Dag <b>Ελλάδα</b></p>"))).as("Greek deep down").isEqualTo(Fonts.Cut.WHOLE);
		assertThat(Fonts.cutFor(xhtml("<p>Dag \uD83E\uDD92</p>"))).as("emoji").isEqualTo(Fonts.Cut.WHOLE);
		assertThat(Fonts.cutFor(xhtml("<p title=\"שלום\">Dag</p>"))).as("attribute CSS attr() could print")
			.isEqualTo(Fonts.Cut.WHOLE);
		assertThat(Fonts.cutFor(xhtml("<p>Dag</p>", "p::after { content: 'مرحبا'; }"))).as("style sheet content")
			.isEqualTo(Fonts.Cut.WHOLE);
		assertThat(Fonts.cutFor(xhtml("<ol><li>Dag</li></ol>", "ol { list-style-type: lower-greek; }")))
			.as("list numbers CSS makes in another script")
			.isEqualTo(Fonts.Cut.WHOLE);
		assertThat(Fonts.cutFor(xhtml("<ol style=\"list-style: armenian\"><li>Dag</li></ol>")))
			.as("the same in a style attribute")
			.isEqualTo(Fonts.Cut.WHOLE);
		assertThat(Fonts.cutFor(xhtml("<p>Dag</p>", "li::before { content: counter(item, hebrew); }")))
			.as("a counter in another script")
			.isEqualTo(Fonts.Cut.WHOLE);
		assertThat(Fonts.cutFor(xhtml("<p>Greek yoghurt and Hebrew lessons</p>",
				"/* Arabic and Hebrew paragraphs read right to left */ ol { list-style-type: decimal; }")))
			.as("only the numbering of lists and counters counts")
			.isEqualTo(Fonts.Cut.LATIN);
		assertThat(Fonts.cutFor(xhtml("<p>Dag</p><img src=\"data:image/png;base64,Привет\"/>")))
			.as("image sources are not printed as text")
			.isEqualTo(Fonts.Cut.LATIN);
	}

	@Test
	void bothCutsMeasureEveryLatinCharacterAlike() throws IOException {
		// openhtmltopdf caches font metrics per family and weight, so the cuts must agree
		// on them
		for (boolean bold : new boolean[] { false, true }) {
			TrueTypeFont whole = bold ? Fonts.Cut.WHOLE.bold() : Fonts.Cut.WHOLE.regular();
			TrueTypeFont latin = bold ? Fonts.Cut.LATIN.bold() : Fonts.Cut.LATIN.regular();
			assertThat(latin.getNumberOfGlyphs()).isLessThan(whole.getNumberOfGlyphs() / 4);
			assertThat(latin.getUnitsPerEm()).isEqualTo(whole.getUnitsPerEm());
			assertThat(latin.getHorizontalHeader().getAscender()).isEqualTo(whole.getHorizontalHeader().getAscender());
			assertThat(latin.getHorizontalHeader().getDescender())
				.isEqualTo(whole.getHorizontalHeader().getDescender());
			assertThat(latin.getHorizontalHeader().getLineGap()).isEqualTo(whole.getHorizontalHeader().getLineGap());
			assertThat(latin.getOS2Windows().getTypoAscender()).isEqualTo(whole.getOS2Windows().getTypoAscender());
			assertThat(latin.getOS2Windows().getTypoDescender()).isEqualTo(whole.getOS2Windows().getTypoDescender());
			assertThat(latin.getOS2Windows().getCapHeight()).isEqualTo(whole.getOS2Windows().getCapHeight());
			assertThat(latin.getOS2Windows().getStrikeoutPosition())
				.isEqualTo(whole.getOS2Windows().getStrikeoutPosition());
			assertThat(latin.getPostScript().getUnderlinePosition())
				.isEqualTo(whole.getPostScript().getUnderlinePosition());
			assertThat(latin.getFontBBox().toString()).isEqualTo(whole.getFontBBox().toString());
			int checked = 0;
			for (int cp = 0x20; cp < 0x10000; cp++) {
				if (Fonts.inLatinCut(Character.toString(cp)) && Fonts.canDraw(cp)) {
					assertThat(latin.getAdvanceWidth(latin.getUnicodeCmapLookup().getGlyphId(cp)))
						.as("advance of U+%04X", cp)
						.isEqualTo(whole.getAdvanceWidth(whole.getUnicodeCmapLookup().getGlyphId(cp)));
					checked++;
				}
			}
			assertThat(checked).isGreaterThan(700);
		}
	}

	private static byte[] render(LetterContent letter, Fonts.Cut cut) {
		LetterPdf.Filled filled = PDF.filledLetter(letter, RenderOptions.DEFAULT);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		HtmlToPdf.render(filled.xhtml(), filled.baseUri(), filled.templateName(), filled.bidi(),
				Instant.parse("2026-03-02T06:00:00Z"), new byte[16], cut, out);
		return out.toByteArray();
	}

	private static byte[] pixels(byte[] pdf) throws IOException {
		try (PDDocument doc = Loader.loadPDF(pdf)) {
			assertThat(doc.getNumberOfPages()).isEqualTo(1);
			BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, 100, ImageType.GRAY);
			return ((DataBufferByte) page.getRaster().getDataBuffer()).getData();
		}
	}

	private static Document xhtml(String body) throws Exception {
		return xhtml(body, "p { color: #000; }");
	}

	private static Document xhtml(String body, String style) throws Exception {
		String text = "<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><style>" + style + "</style></head><body>"
				+ body + "</body></html>";
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		return factory.newDocumentBuilder().parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
	}

}
