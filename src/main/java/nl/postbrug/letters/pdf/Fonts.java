package nl.postbrug.letters.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.BitSet;

import com.ibm.icu.text.ArabicShaping;
import com.ibm.icu.text.ArabicShapingException;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.font.FontMappers;

import com.openhtmltopdf.extend.FSCacheEx;
import com.openhtmltopdf.extend.FSCacheValue;
import com.openhtmltopdf.extend.impl.FSDefaultCacheStore;

/**
 * The bundled DejaVu Sans faces. Read from the classpath once (never from the system);
 * parsed once per thread because fontbox's lazily read tables are not meant for concurrent
 * use; the PDF font itself is created per document, as PDFBox requires. Loading this class
 * also points PDFBox's font lookup at the bundled font (see {@link BundledFontMapper}).
 */
final class Fonts {

	static final String FAMILY = "DejaVu Sans";

	/** Shown in place of a character the bundled font cannot draw. */
	static final int REPLACEMENT = 0xFFFD;

	private static final byte[] REGULAR = withoutGsub(read("fonts/DejaVuSans.ttf"));

	private static final byte[] BOLD = withoutGsub(read("fonts/DejaVuSans-Bold.ttf"));

	private static final ThreadLocal<TrueTypeFont> REGULAR_TTF = ThreadLocal.withInitial(() -> parse(REGULAR));

	private static final ThreadLocal<TrueTypeFont> BOLD_TTF = ThreadLocal.withInitial(() -> parse(BOLD));

	/** Code points both faces can draw; read-only after class initialisation. */
	private static final BitSet COVERED = coverage();

	static {
		FontMappers.set(new BundledFontMapper(parse(REGULAR)));
	}

	/** openhtmltopdf's font metrics, shared across documents (it is a concurrent map). */
	static final FSCacheEx<String, FSCacheValue> METRICS = new FSDefaultCacheStore();

	private Fonts() {
	}

	static TrueTypeFont regular() {
		return REGULAR_TTF.get();
	}

	static TrueTypeFont bold() {
		return BOLD_TTF.get();
	}

	static boolean canDraw(int codePoint) {
		return COVERED.get(codePoint);
	}

	private static BitSet coverage() {
		try (TrueTypeFont regular = parse(REGULAR); TrueTypeFont bold = parse(BOLD)) {
			var r = regular.getUnicodeCmapLookup();
			var b = bold.getUnicodeCmapLookup();
			BitSet covered = new BitSet(0x30000);
			for (int cp = 0; cp < 0x30000; cp++) {
				if (r.getGlyphId(cp) > 0 && b.getGlyphId(cp) > 0 && Character.getType(cp) != Character.CONTROL
						&& Character.getType(cp) != Character.SURROGATE && Character.getType(cp) != Character.PRIVATE_USE) {
					covered.set(cp);
				}
			}
			if (!covered.get(REPLACEMENT)) {
				throw new IllegalStateException("Bundled font lacks U+FFFD, needed to mark unprintable characters");
			}
			dropArabicLettersWithoutShapes(covered);
			return covered;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Bundled DejaVu Sans fonts could not be read", ex);
		}
	}

	/**
	 * Arabic letters are drawn as the presentation form for their position in the word
	 * (shaped by ICU before layout). A letter counts as printable only if the font has every
	 * form it can take; otherwise it would print as an empty box instead of a reported U+FFFD.
	 */
	private static void dropArabicLettersWithoutShapes(BitSet covered) {
		ArabicShaping shaping = new ArabicShaping(ArabicShaping.LETTERS_SHAPE | ArabicShaping.LENGTH_GROW_SHRINK);
		String tatweel = "\u0640";
		for (int cp = 0x0600; cp <= 0x08FF; cp++) {
			if (!covered.get(cp) || cp >= 0x0700 && cp < 0x0750) {
				continue;
			}
			String c = Character.toString(cp);
			try {
				for (String word : new String[] { c, tatweel + c, c + tatweel, tatweel + c + tatweel }) {
					String shaped = shaping.shape(word);
					if (!shaped.codePoints().allMatch(covered::get)) {
						covered.clear(cp);
						break;
					}
				}
			}
			catch (ArabicShapingException ex) {
				covered.clear(cp);
			}
		}
	}

	private static TrueTypeFont parse(byte[] ttf) {
		try {
			return new TTFParser().parse(new RandomAccessReadBuffer(ttf));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Bundled font could not be parsed", ex);
		}
	}

	/**
	 * Hides the font's glyph substitution table from PDFBox. PDFBox would otherwise apply the
	 * Latin ligatures on every line drawn (about a third of its text drawing time) and the
	 * PDF's text would read "ﬁ" for "fi". Arabic does not need it: ICU has already turned it
	 * into the positional forms the font maps directly.
	 */
	private static byte[] withoutGsub(byte[] ttf) {
		int tables = ((ttf[4] & 0xFF) << 8) | (ttf[5] & 0xFF);
		for (int i = 0; i < tables; i++) {
			int record = 12 + 16 * i;
			if (ttf[record] == 'G' && ttf[record + 1] == 'S' && ttf[record + 2] == 'U' && ttf[record + 3] == 'B') {
				ttf[record] = 'g';
				ttf[record + 1] = 's';
				ttf[record + 2] = 'u';
				ttf[record + 3] = 'b';
			}
		}
		return ttf;
	}

	private static byte[] read(String resource) {
		try (InputStream in = Fonts.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("Font " + resource + " is missing from the classpath");
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Font " + resource + " could not be read", ex);
		}
	}

}
