package nl.postbrug.letters.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;

import com.ibm.icu.text.ArabicShaping;
import com.ibm.icu.text.ArabicShapingException;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.font.FontMappers;
import org.w3c.dom.Document;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

import com.openhtmltopdf.extend.FSCacheEx;
import com.openhtmltopdf.extend.FSCacheValue;
import com.openhtmltopdf.extend.impl.FSDefaultCacheStore;

/**
 * The bundled DejaVu Sans faces. Read from the classpath once (never from the system);
 * parsed once per thread because fontbox's lazily read tables are not meant for
 * concurrent use; the PDF font itself is created per document, as PDFBox requires.
 * Loading this class also points PDFBox's font lookup at the bundled font (see
 * {@link BundledFontMapper}).
 * <p>
 * Each face comes in two cuts: the whole font, and a Latin cut of the same glyphs for
 * documents that hold nothing else. PDFBox's work to set up a font for a document grows
 * with the number of glyphs in it (it writes and reads back a width for each of the
 * ~6,000); the Latin cut has about 900, which makes a one-page letter about a sixth
 * faster. The glyphs and metrics are the same, so a letter looks the same in either cut.
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

	/**
	 * The code points of the Latin cut: Basic Latin, Latin-1, Latin Extended A and B
	 * (Dutch, German, French, Polish, Turkish, Czech, Romanian, ...), combining accents,
	 * general punctuation, currency and letterlike symbols, and the replacement
	 * character.
	 */
	private static final BitSet LATIN = latin();

	private static final byte[] LATIN_REGULAR = cut(REGULAR, LATIN);

	private static final byte[] LATIN_BOLD = cut(BOLD, LATIN);

	private static final ThreadLocal<TrueTypeFont> LATIN_REGULAR_TTF = ThreadLocal
		.withInitial(() -> parse(LATIN_REGULAR));

	private static final ThreadLocal<TrueTypeFont> LATIN_BOLD_TTF = ThreadLocal.withInitial(() -> parse(LATIN_BOLD));

	static {
		FontMappers.set(new BundledFontMapper(parse(REGULAR)));
	}

	/** openhtmltopdf's font metrics, shared across documents (it is a concurrent map). */
	static final FSCacheEx<String, FSCacheValue> METRICS = new FSDefaultCacheStore();

	private Fonts() {
	}

	static boolean canDraw(int codePoint) {
		return COVERED.get(codePoint);
	}

	/** Which cut of the faces a document is drawn with. */
	enum Cut {

		/** Every glyph of the bundled fonts. */
		WHOLE,

		/** The Latin glyphs only, for documents that hold no other characters. */
		LATIN;

		TrueTypeFont regular() {
			return this == LATIN ? LATIN_REGULAR_TTF.get() : REGULAR_TTF.get();
		}

		TrueTypeFont bold() {
			return this == LATIN ? LATIN_BOLD_TTF.get() : BOLD_TTF.get();
		}

	}

	/**
	 * The Latin cut if every character the document can print is in it: its text
	 * (including the style sheet, whose {@code content} strings print) and its attributes
	 * (which CSS {@code attr()} can print) apart from image sources; and if its styles do
	 * not number lists in another script (CSS makes those characters, so they are in no
	 * text).
	 */
	static Cut cutFor(Document doc) {
		Node node = doc.getDocumentElement();
		while (node != null) {
			if (node.getNodeType() == Node.TEXT_NODE || node.getNodeType() == Node.CDATA_SECTION_NODE) {
				String text = node.getNodeValue();
				if (!inLatinCut(text) || isStyle(node.getParentNode()) && namesOtherScriptCounters(text)) {
					return Cut.WHOLE;
				}
			}
			else if (node.getNodeType() == Node.ELEMENT_NODE && !attributesInLatinCut(node.getAttributes())) {
				return Cut.WHOLE;
			}
			node = next(node);
		}
		return Cut.LATIN;
	}

	private static final List<String> OTHER_SCRIPT_COUNTERS = List.of("greek", "armenian", "georgian", "hebrew",
			"arabic", "cjk", "hiragana", "katakana", "persian", "devanagari");

	/**
	 * Whether a {@code list-style} declaration or a {@code counter()} names a numbering
	 * in another script.
	 */
	private static boolean namesOtherScriptCounters(String css) {
		String lower = css.toLowerCase(Locale.ROOT);
		for (String property : new String[] { "list-style", "counter" }) {
			for (int at = lower.indexOf(property); at >= 0; at = lower.indexOf(property, at + 1)) {
				int end = at;
				while (end < lower.length() && ";})".indexOf(lower.charAt(end)) < 0) {
					end++;
				}
				String declaration = lower.substring(at, end);
				if (OTHER_SCRIPT_COUNTERS.stream().anyMatch(declaration::contains)) {
					return true;
				}
			}
		}
		return false;
	}

	private static boolean isStyle(Node node) {
		return node != null
				&& "style".equalsIgnoreCase(node.getLocalName() != null ? node.getLocalName() : node.getNodeName());
	}

	/** The node after {@code node} in document order, or null at the end. */
	private static Node next(Node node) {
		if (node.getFirstChild() != null) {
			return node.getFirstChild();
		}
		while (node != null && node.getNextSibling() == null) {
			node = node.getParentNode();
		}
		return node == null ? null : node.getNextSibling();
	}

	private static boolean attributesInLatinCut(NamedNodeMap attributes) {
		for (int i = 0; i < attributes.getLength(); i++) {
			Node attribute = attributes.item(i);
			String name = attribute.getNodeName();
			String value = attribute.getNodeValue();
			if (!name.equals("src") && !inLatinCut(value) || name.equals("style") && namesOtherScriptCounters(value)) {
				return false;
			}
		}
		return true;
	}

	static boolean inLatinCut(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			// surrogates are never in the cut, so looking at UTF-16 units is enough
			if (c >= 0x80 && !LATIN.get(c)) {
				return false;
			}
		}
		return true;
	}

	private static BitSet latin() {
		BitSet latin = new BitSet(0x10000);
		latin.set(0x0020, 0x007F);
		latin.set(0x00A0, 0x0250);
		latin.set(0x0300, 0x0370);
		latin.set(0x2000, 0x2070);
		latin.set(0x20A0, 0x20D0);
		latin.set(0x2100, 0x2150);
		latin.set(REPLACEMENT);
		// only what both faces really draw
		latin.and(COVERED);
		return latin;
	}

	/**
	 * A font program with only the glyphs for {@code codePoints} (and the glyphs they are
	 * built from).
	 */
	private static byte[] cut(byte[] ttf, BitSet codePoints) {
		try (TrueTypeFont font = parse(ttf)) {
			TTFSubsetter subsetter = new TTFSubsetter(font);
			codePoints.stream().forEach(subsetter::add);
			ByteArrayOutputStream out = new ByteArrayOutputStream(ttf.length / 4);
			subsetter.writeToStream(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Bundled font could not be cut to its Latin glyphs", ex);
		}
	}

	private static BitSet coverage() {
		try (TrueTypeFont regular = parse(REGULAR); TrueTypeFont bold = parse(BOLD)) {
			var r = regular.getUnicodeCmapLookup();
			var b = bold.getUnicodeCmapLookup();
			BitSet covered = new BitSet(0x30000);
			for (int cp = 0; cp < 0x30000; cp++) {
				if (r.getGlyphId(cp) > 0 && b.getGlyphId(cp) > 0 && Character.getType(cp) != Character.CONTROL
						&& Character.getType(cp) != Character.SURROGATE
						&& Character.getType(cp) != Character.PRIVATE_USE) {
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
	 * (shaped by ICU before layout). A letter counts as printable only if the font has
	 * every form it can take; otherwise it would print as an empty box instead of a
	 * reported U+FFFD.
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
	 * Hides the font's glyph substitution table from PDFBox. PDFBox would otherwise apply
	 * the Latin ligatures on every line drawn (about a third of its text drawing time)
	 * and the PDF's text would read "ﬁ" for "fi". Arabic does not need it: ICU has
	 * already turned it into the positional forms the font maps directly.
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
