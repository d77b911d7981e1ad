package nl.postbrug.letters.pdf;

import org.apache.fontbox.FontBoxFont;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.font.CIDFontMapping;
import org.apache.pdfbox.pdmodel.font.FontMapper;
import org.apache.pdfbox.pdmodel.font.FontMapping;
import org.apache.pdfbox.pdmodel.font.PDCIDSystemInfo;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;

/**
 * Answers every PDFBox request for a non-embedded font with the bundled DejaVu Sans.
 * <p>
 * openhtmltopdf registers the 14 standard PDF fonts in every document; PDFBox's default
 * mapper then scans the system's font folders (and writes {@code ~/.pdfbox.cache}) and
 * logs a warning per font per document. Our letters only ever draw with the embedded
 * DejaVu faces, so the standard fonts need a stand-in, not a search. Mappings are
 * reported as exact (not fallback) precisely to keep PDFBox from logging those warnings.
 */
final class BundledFontMapper implements FontMapper {

	private final TrueTypeFont font;

	BundledFontMapper(TrueTypeFont font) {
		this.font = font;
	}

	@Override
	public FontMapping<TrueTypeFont> getTrueTypeFont(String baseFont, PDFontDescriptor fontDescriptor) {
		return new FontMapping<>(this.font, false);
	}

	@Override
	public FontMapping<FontBoxFont> getFontBoxFont(String baseFont, PDFontDescriptor fontDescriptor) {
		return new FontMapping<>(this.font, false);
	}

	@Override
	public CIDFontMapping getCIDFont(String baseFont, PDFontDescriptor fontDescriptor, PDCIDSystemInfo cidSystemInfo) {
		return new CIDFontMapping(null, this.font, false);
	}

}
