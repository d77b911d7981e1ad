package nl.postbrug.letters.pdf;

import nl.postbrug.Sha256;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import nl.postbrug.letters.BatchCover;
import nl.postbrug.letters.BatchLayout;
import nl.postbrug.letters.BrokenTemplate;
import nl.postbrug.letters.LetterContent;
import nl.postbrug.letters.PrintTemplates;
import nl.postbrug.letters.RenderOptions;
import nl.postbrug.letters.RenderedLetter;
import nl.postbrug.letters.Replacement;

/**
 * Renders letters, batch cover sheets, manifests and reply sheets from the templates in
 * the template folder; the merge fields are listed in {@code print-templates/README.md}.
 * All templates are read and checked when this is created and on {@link #reload()}.
 * <p>
 * Longer than most classes here on purpose: it is the one place that knows each
 * template's merge fields ({@link Template.Schema}) and the order of pages in a batch, so
 * that a preview, a letter and a reprint can never be rendered differently. The drawing
 * itself lives in {@link Template}, {@link Fonts} and {@link QrSymbols}.
 */
public final class LetterPdf {

	static final Template.Schema LETTER = new Template.Schema("letter.html", Set.of("facilityName", "prisonerName",
			"registryNumber", "unit", "cell", "senderName", "receivedDate", "copyCode"), Set.of("body", "photos"),
			Map.of(), "copyCode");

	static final Template.Schema COVER = new Template.Schema("cover.html",
			Set.of("facilityName", "batchLabel", "date", "batchCode", "letterCount", "letterPages"), Set.of(),
			Map.of("units", Set.of("unit", "letterCount", "letterPages")), "batchCode");

	static final Template.Schema MANIFEST = new Template.Schema("manifest.html",
			Set.of("facilityName", "batchLabel", "date", "batchCode", "letterCount", "letterPages"), Set.of(),
			Map.of("letters", Set.of("number", "unit", "cell", "prisonerName", "registryNumber", "copyCode", "pages",
					"firstPage")),
			"batchCode");

	static final Template.Schema REPLY = new Template.Schema("reply.html", Set.of("facilityName", "prisonerName",
			"registryNumber", "unit", "cell", "senderName", "receivedDate", "copyCode", "replyCode"), Set.of(),
			Map.of(), "replyCode");

	private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;

	/**
	 * The templates in use; replaced as a whole, and only by a set that passed every
	 * check.
	 */
	private record TemplateSet(Template letter, Template cover, Template manifest, Template reply) {

		List<Template> all() {
			return this.reply == null ? List.of(this.letter, this.cover, this.manifest)
					: List.of(this.letter, this.cover, this.manifest, this.reply);
		}

		/** One SHA-256 over every template's name and digest. */
		PrintTemplates describe(Path dir) {
			MessageDigest md = Sha256.digest();
			Map<String, String> files = new LinkedHashMap<>();
			for (Template template : all()) {
				files.put(template.schema().name(), template.sha256());
				md.update((template.schema().name() + "=" + template.sha256() + "\n").getBytes(StandardCharsets.UTF_8));
			}
			return new PrintTemplates(java.util.HexFormat.of().formatHex(md.digest()), dir.toAbsolutePath().toString(),
					files);
		}

	}

	private final Path dir;

	private final String baseUri;

	private final Clock clock;

	private volatile TemplateSet templates;

	public LetterPdf(Path templateDir, Clock clock) {
		this.dir = templateDir;
		this.baseUri = templateDir.toAbsolutePath().toUri().toString();
		this.clock = clock;
		this.templates = loadAndTry();
	}

	/**
	 * Reads and checks every template again and uses them from now on; if any is broken
	 * the ones in use stay and the {@link BrokenTemplate} says which file and why.
	 */
	public PrintTemplates reload() {
		TemplateSet set = loadAndTry();
		this.templates = set;
		return set.describe(this.dir);
	}

	/** The templates in use: folder, files and their version. */
	public PrintTemplates inUse() {
		return this.templates.describe(this.dir);
	}

	/**
	 * Whether a letter prints {@code codePoint} as written; any other character prints as
	 * a visible U+FFFD and is reported.
	 */
	public static boolean prints(int codePoint) {
		return Printable.prints(codePoint);
	}

	/** Whether the template folder has an (optional) {@code reply.html}. */
	public boolean hasReplySheet() {
		return this.templates.reply() != null;
	}

	private TemplateSet loadAndTry() {
		Template letter = Template.load(this.dir, LETTER);
		Template cover = Template.load(this.dir, COVER);
		Template manifest = Template.load(this.dir, MANIFEST);
		Template reply = java.nio.file.Files.exists(this.dir.resolve(REPLY.name())) ? Template.load(this.dir, REPLY)
				: null;
		TemplateSet set = new TemplateSet(letter, cover, manifest, reply);
		// a trial render with every script and a photo, so layout errors show now, not in
		// a batch
		LetterContent sample = Samples.letter();
		tryRender(letter, () -> letter(set, sample, RenderOptions.GREYSCALE_PHOTOS, OutputStream.nullOutputStream()));
		tryRender(cover, () -> cover(set, Samples.cover(), 1, 1));
		tryRender(manifest, () -> manifest(set, Samples.cover(), List.of(sample), List.of(1)));
		if (reply != null) {
			tryRender(reply, () -> replySheet(set, sample.withReplyCode("PR-00000-00000-0")));
		}
		return set;
	}

	private static void tryRender(Template template, Runnable render) {
		try {
			render.run();
		}
		catch (RuntimeException ex) {
			throw new BrokenTemplate(template.file(), "a trial render failed: " + ex.getMessage(), ex);
		}
	}

	public RenderedLetter letter(LetterContent letter, RenderOptions options) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
		Result result = letter(this.templates, letter, options, out);
		return new RenderedLetter(out.toByteArray(), result.pages(), result.replacements());
	}

	/**
	 * The letter exactly as {@link #letter(LetterContent, RenderOptions)} renders it, but
	 * with {@code code} in place of its copy code (in the footer and in the barcode, so
	 * no page of it can be handed over as a letter) and {@code mark} across every page.
	 */
	public RenderedLetter preview(LetterContent letter, RenderOptions options, String mark, String code) {
		TemplateSet set = this.templates;
		LetterFill fill = letterFill(letter, options);
		fill.fields().text("copyCode", code);
		Document xhtml = set.letter().fill(fill.fields());
		Element stamp = xhtml.createElementNS(Template.XHTML, "div");
		stamp.setAttribute("class", "preview-mark");
		stamp.setAttribute("style", "font-size: 16pt; font-weight: bold; text-align: center; color: #000;"
				+ " border: 0.6mm dashed #000; padding: 1mm; margin-bottom: 2mm;");
		stamp.setTextContent(mark);
		// In the running header (drawn on every page) when the template has one, else
		// at the top of the letter.
		Element header = byId(xhtml.getDocumentElement(), "header");
		if (header != null) {
			header.insertBefore(stamp, header.getFirstChild());
		}
		else {
			Element body = (Element) xhtml.getElementsByTagNameNS(Template.XHTML, "body").item(0);
			body.insertBefore(stamp, body.getFirstChild());
		}
		MessageDigest md = digest(set.letter());
		fill.fields().digest(md);
		md.update(mark.getBytes(StandardCharsets.UTF_8));
		ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
		int pages = HtmlToPdf.render(xhtml, this.baseUri, LETTER.name(), fill.bidi(), this.clock.instant(), id(md),
				out);
		return new RenderedLetter(out.toByteArray(), pages, fill.printable().replacements());
	}

	private static Element byId(Element element, String id) {
		if (id.equals(element.getAttribute("id"))) {
			return element;
		}
		for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
			if (child instanceof Element e) {
				Element found = byId(e, id);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

	/** Pages and replaced characters of a letter written to a stream. */
	public record Result(int pages, List<Replacement> replacements) {
	}

	/** Writes the letter to {@code out}. */
	public Result letter(LetterContent letter, RenderOptions options, OutputStream out) {
		return letter(this.templates, letter, options, out);
	}

	private Result letter(TemplateSet set, LetterContent letter, RenderOptions options, OutputStream out) {
		LetterFill fill = letterFill(letter, options);
		Fields fields = fill.fields();
		MessageDigest md = digest(set.letter());
		fields.digest(md);
		fill.paragraphs().forEach(p -> md.update(p.getBytes(StandardCharsets.UTF_8)));
		fill.photos().forEach(p -> md.update(p.dataUri().getBytes(StandardCharsets.US_ASCII)));
		int pages = HtmlToPdf.render(set.letter().fill(fields), this.baseUri, LETTER.name(), fill.bidi(),
				this.clock.instant(), id(md), out);
		return new Result(pages, fill.printable().replacements());
	}

	/** A letter's merge values, before they go into the template. */
	private record LetterFill(Fields fields, List<String> paragraphs, List<Photos.Photo> photos, Printable printable,
			boolean bidi) {
	}

	private static LetterFill letterFill(LetterContent letter, RenderOptions options) {
		Printable printable = new Printable();
		Fields fields = letterFields(printable, letter);
		List<String> paragraphs = printable.paragraphs("body", letter.body());
		fields.block("body", doc -> paragraphs(doc, paragraphs));
		List<Photos.Photo> photos = new ArrayList<>();
		for (int i = 0; i < letter.photos().size(); i++) {
			photos.add(Photos.prepare(letter.photos().get(i), i, options.greyscalePhotos()));
		}
		fields.block("photos", doc -> photos(doc, photos));
		boolean bidi = fields.text.values().stream().anyMatch(Printable::needsBidi)
				|| paragraphs.stream().anyMatch(Printable::needsBidi);
		return new LetterFill(fields, paragraphs, photos, printable, bidi);
	}

	/**
	 * A template filled in and ready for layout; {@code bidi} when it holds right-to-left
	 * text.
	 */
	record Filled(org.w3c.dom.Document xhtml, String templateName, String baseUri, boolean bidi) {
	}

	/**
	 * The letter template filled with {@code letter}, for rendering into a batch
	 * document.
	 */
	Filled filledLetter(LetterContent letter, RenderOptions options) {
		LetterFill fill = letterFill(letter, options);
		return new Filled(this.templates.letter().fill(fill.fields()), LETTER.name(), this.baseUri, fill.bidi());
	}

	/**
	 * Writes one batch PDF with the letters sharing one embedded font; see
	 * {@link BatchPdf}.
	 * @param duplex pad the cover with manifest and every letter to an even number of
	 * pages, so each starts on a new sheet when printed on both sides
	 */
	public BatchLayout batch(BatchCover cover, List<LetterContent> letters, RenderOptions options, boolean duplex,
			Path target) {
		return new BatchPdf(this, this.clock).write(cover, letters, options, duplex, target);
	}

	/**
	 * The cover sheet filled in, with one row per unit (letters and pages for that unit).
	 */
	Filled filledCover(BatchCover cover, int letterCount, int letterPages, List<Map<String, String>> units) {
		Printable printable = new Printable();
		Fields fields = batchFields(printable, cover, letterCount, letterPages);
		List<Map<String, String>> rows = new ArrayList<>(units.size());
		for (Map<String, String> unit : units) {
			Map<String, String> row = new LinkedHashMap<>(unit);
			row.put("unit", printable.line("unit", unit.get("unit")));
			rows.add(row);
		}
		fields.list("units", rows);
		return filled(this.templates.cover(), fields);
	}

	/**
	 * The manifest filled in from rows already made printable (see {@link #manifestRow});
	 * the caller sets each row's {@code firstPage}.
	 */
	Filled filledManifest(BatchCover cover, int letterPages, List<Map<String, String>> rows) {
		Printable printable = new Printable();
		Fields fields = batchFields(printable, cover, rows.size(), letterPages);
		fields.list("letters", rows);
		return filled(this.templates.manifest(), fields);
	}

	/** One manifest row for {@code letter}, {@code firstPage} still to be set. */
	static Map<String, String> manifestRow(int number, LetterContent l, int pages) {
		Printable printable = new Printable();
		Map<String, String> row = new LinkedHashMap<>();
		row.put("number", Integer.toString(number));
		row.put("unit", printable.line("unit", l.unit()));
		row.put("cell", printable.line("cell", l.cell()));
		row.put("prisonerName", printable.line("prisonerName", l.prisonerName()));
		row.put("registryNumber", printable.line("registryNumber", l.registryNumber()));
		row.put("copyCode", l.copyCode());
		row.put("pages", Integer.toString(pages));
		return row;
	}

	private Filled filled(Template template, Fields fields) {
		boolean bidi = fields.text.values().stream().anyMatch(Printable::needsBidi) || fields.lists.values()
			.stream()
			.flatMap(List::stream)
			.flatMap(r -> r.values().stream())
			.anyMatch(Printable::needsBidi);
		return new Filled(template.fill(fields), template.schema().name(), this.baseUri, bidi);
	}

	/**
	 * The reply sheet template filled for {@code letter}, for rendering into a batch
	 * document; {@code null} when the letter has no reply code or there is no template.
	 */
	Filled filledReply(LetterContent letter) {
		TemplateSet set = this.templates;
		if (letter.replyCode() == null || set.reply() == null) {
			return null;
		}
		return filled(set.reply(), replyFields(new Printable(), letter));
	}

	/**
	 * The letter followed by its reply sheet in one document, laid out as in a batch; see
	 * {@link BatchPdf#letterWithReplySheet}.
	 */
	public RenderedLetter letterWithReplySheet(LetterContent letter, RenderOptions options, boolean duplex) {
		TemplateSet set = this.templates;
		if (set.reply() == null || letter.replyCode() == null) {
			throw new IllegalArgumentException("A reply sheet needs the letter's reply code and a reply template");
		}
		LetterFill fill = letterFill(letter, options);
		MessageDigest md = digest(set.letter());
		fill.fields().digest(md);
		fill.paragraphs().forEach(p -> md.update(p.getBytes(StandardCharsets.UTF_8)));
		fill.photos().forEach(p -> md.update(p.dataUri().getBytes(StandardCharsets.US_ASCII)));
		md.update(letter.replyCode().getBytes(StandardCharsets.US_ASCII));
		Filled filledLetter = new Filled(set.letter().fill(fill.fields()), LETTER.name(), this.baseUri, fill.bidi());
		Filled reply = filled(set.reply(), replyFields(new Printable(), letter));
		BatchPdf.Written written = new BatchPdf(this, this.clock).letterWithReplySheet(filledLetter, reply, duplex,
				Arrays.copyOf(md.digest(), 16));
		return new RenderedLetter(written.pdf(), written.pages(), fill.printable().replacements());
	}

	/**
	 * A reply sheet for the letter: who it came from, the letter's code and the sheet's
	 * own reply code, with space to write.
	 * @throws IllegalArgumentException when the letter has no reply code
	 */
	public RenderedLetter replySheet(LetterContent letter) {
		TemplateSet set = this.templates;
		if (set.reply() == null) {
			throw new IllegalStateException("There is no " + REPLY.name() + " in " + this.dir.toAbsolutePath());
		}
		return replySheet(set, letter);
	}

	private RenderedLetter replySheet(TemplateSet set, LetterContent letter) {
		Printable printable = new Printable();
		return render(set.reply(), replyFields(printable, letter), printable);
	}

	private static Fields replyFields(Printable printable, LetterContent letter) {
		if (letter.replyCode() == null) {
			throw new IllegalArgumentException("A reply sheet needs the letter's reply code");
		}
		return letterFields(printable, letter).text("replyCode", letter.replyCode());
	}

	public RenderedLetter cover(BatchCover cover, int letterCount, int letterPages) {
		return cover(this.templates, cover, letterCount, letterPages);
	}

	private RenderedLetter cover(TemplateSet set, BatchCover cover, int letterCount, int letterPages) {
		Printable printable = new Printable();
		return render(set.cover(), batchFields(printable, cover, letterCount, letterPages), printable);
	}

	/** The manifest: one row per letter, in batch order, with its code and page count. */
	public RenderedLetter manifest(BatchCover cover, List<LetterContent> letters, List<Integer> letterPages) {
		return manifest(this.templates, cover, letters, letterPages);
	}

	private RenderedLetter manifest(TemplateSet set, BatchCover cover, List<LetterContent> letters,
			List<Integer> letterPages) {
		Printable printable = new Printable();
		int sum = letterPages.stream().mapToInt(Integer::intValue).sum();
		Fields fields = batchFields(printable, cover, letters.size(), sum);
		List<Map<String, String>> rows = new ArrayList<>(letters.size());
		int first = 1;
		for (int i = 0; i < letters.size(); i++) {
			LetterContent l = letters.get(i);
			Map<String, String> row = new LinkedHashMap<>();
			row.put("number", Integer.toString(i + 1));
			row.put("unit", printable.line("unit", l.unit()));
			row.put("cell", printable.line("cell", l.cell()));
			row.put("prisonerName", printable.line("prisonerName", l.prisonerName()));
			row.put("registryNumber", printable.line("registryNumber", l.registryNumber()));
			row.put("copyCode", l.copyCode());
			row.put("pages", Integer.toString(letterPages.get(i)));
			row.put("firstPage", Integer.toString(first));
			first += letterPages.get(i);
			rows.add(row);
		}
		fields.list("letters", rows);
		return render(set.manifest(), fields, printable);
	}

	private RenderedLetter render(Template template, Fields fields, Printable printable) {
		MessageDigest md = digest(template);
		fields.digest(md);
		boolean bidi = fields.text.values().stream().anyMatch(Printable::needsBidi) || fields.lists.values()
			.stream()
			.flatMap(List::stream)
			.flatMap(r -> r.values().stream())
			.anyMatch(Printable::needsBidi);
		ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
		int pages = HtmlToPdf.render(template.fill(fields), this.baseUri, template.schema().name(), bidi,
				this.clock.instant(), id(md), out);
		return new RenderedLetter(out.toByteArray(), pages, printable.replacements());
	}

	private static Fields letterFields(Printable printable, LetterContent letter) {
		return new Fields().text("facilityName", printable.line("facilityName", letter.facilityName()))
			.text("prisonerName", printable.line("prisonerName", letter.prisonerName()))
			.text("registryNumber", printable.line("registryNumber", letter.registryNumber()))
			.text("unit", printable.line("unit", letter.unit()))
			.text("cell", printable.line("cell", letter.cell()))
			.text("senderName", printable.line("senderName", letter.senderName()))
			.text("receivedDate", date(letter.receivedDate()))
			.text("copyCode", letter.copyCode());
	}

	private static Fields batchFields(Printable printable, BatchCover cover, int letterCount, int letterPages) {
		return new Fields().text("facilityName", printable.line("facilityName", cover.facilityName()))
			.text("batchLabel", printable.line("batchLabel", cover.batchLabel()))
			.text("date", date(cover.date()))
			.text("batchCode", printable.line("batchCode", cover.batchCode()))
			.text("letterCount", Integer.toString(letterCount))
			.text("letterPages", Integer.toString(letterPages));
	}

	private static List<Node> paragraphs(Document doc, List<String> paragraphs) {
		List<Node> nodes = new ArrayList<>(paragraphs.size());
		for (String paragraph : paragraphs) {
			Element p = doc.createElementNS(Template.XHTML, "p");
			if (Printable.startsRightToLeft(paragraph)) {
				p.setAttribute("dir", "rtl");
				p.setAttribute("class", "rtl");
			}
			p.setTextContent(paragraph);
			nodes.add(p);
		}
		return nodes;
	}

	private static List<Node> photos(Document doc, List<Photos.Photo> photos) {
		List<Node> nodes = new ArrayList<>(photos.size());
		for (Photos.Photo photo : photos) {
			Element box = doc.createElementNS(Template.XHTML, "div");
			box.setAttribute("class", "photo");
			Element img = doc.createElementNS(Template.XHTML, "img");
			img.setAttribute("class", photo.wide() ? "wide" : "tall");
			img.setAttribute("src", photo.dataUri());
			img.setAttribute("alt", "");
			box.appendChild(img);
			nodes.add(box);
		}
		return nodes;
	}

	private static MessageDigest digest(Template template) {
		MessageDigest md = Sha256.digest();
		md.update(template.file().toString().getBytes(StandardCharsets.UTF_8));
		return md;
	}

	private static byte[] id(MessageDigest md) {
		return Arrays.copyOf(md.digest(), 16);
	}

	private static String date(LocalDate date) {
		return date == null ? "" : DATE.format(date);
	}

}
