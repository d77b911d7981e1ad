package nl.postbrug.letters.pdf;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.multipdf.PDFMergerUtility;

import nl.postbrug.letters.BatchCover;
import nl.postbrug.letters.LetterContent;
import nl.postbrug.letters.RenderedLetter;

/**
 * Renders letters and batch cover sheets from the templates {@code letter.html} and
 * {@code cover.html}; the merge fields are listed in {@code print-templates/README.md}.
 */
public final class LetterPdf {

	static final String LETTER = "letter.html";

	static final String COVER = "cover.html";

	private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;

	private final Templates templates;

	private final String baseUri;

	public LetterPdf(Path templateDir) {
		this.templates = new Templates(templateDir);
		this.baseUri = templateDir.toAbsolutePath().toUri().toString();
	}

	public RenderedLetter letter(LetterContent letter) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
		int pages = letter(letter, out);
		return new RenderedLetter(out.toByteArray(), pages);
	}

	/** Writes the letter to {@code out}; returns its page count. */
	public int letter(LetterContent letter, OutputStream out) {
		Map<String, Html> fields = new HashMap<>();
		fields.put("facilityName", Html.text(letter.facilityName()));
		fields.put("prisonerName", Html.text(letter.prisonerName()));
		fields.put("registryNumber", Html.text(letter.registryNumber()));
		fields.put("unit", Html.text(letter.unit()));
		fields.put("cell", Html.text(letter.cell()));
		fields.put("senderName", Html.text(letter.senderName()));
		fields.put("receivedDate", Html.text(date(letter.receivedDate())));
		fields.put("copyCode", Html.text(letter.copyCode()));
		fields.put("body", Html.paragraphs(letter.body()));
		fields.put("photos", photos(letter.photos()));
		return HtmlToPdf.render(this.templates.merge(LETTER, fields), this.baseUri, LETTER, out);
	}

	public RenderedLetter cover(BatchCover cover, int letterCount, int letterPages) {
		Map<String, Html> fields = new HashMap<>();
		fields.put("facilityName", Html.text(cover.facilityName()));
		fields.put("batchLabel", Html.text(cover.batchLabel()));
		fields.put("date", Html.text(date(cover.date())));
		fields.put("batchCode", Html.text(cover.batchCode()));
		fields.put("letterCount", Html.text(Integer.toString(letterCount)));
		fields.put("letterPages", Html.text(Integer.toString(letterPages)));
		ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
		int pages = HtmlToPdf.render(this.templates.merge(COVER, fields), this.baseUri, COVER, out);
		return new RenderedLetter(out.toByteArray(), pages);
	}

	/**
	 * Concatenates the PDFs into {@code target}, in order. PDFBox buffers in temporary files,
	 * not on the heap, so a batch of thousands of letters does not need thousands of
	 * letters' worth of memory.
	 */
	public static void merge(List<Path> parts, Path target) {
		PDFMergerUtility merger = new PDFMergerUtility();
		try {
			for (Path part : parts) {
				merger.addSource(part.toFile());
			}
			merger.setDestinationFileName(target.toString());
			merger.mergeDocuments(IOUtils.createTempFileOnlyStreamCache());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write batch PDF " + target, ex);
		}
	}

	private static String date(LocalDate date) {
		return date == null ? "" : DATE.format(date);
	}

	private static Html photos(List<byte[]> photos) {
		if (photos == null || photos.isEmpty()) {
			return Html.trusted("");
		}
		StringBuilder markup = new StringBuilder();
		for (int i = 0; i < photos.size(); i++) {
			byte[] photo = photos.get(i);
			markup.append("<div class=\"photo\"><img class=\"")
				.append(isWide(photo, i) ? "wide" : "tall")
				.append("\" src=\"data:")
				.append(isPng(photo) ? "image/png" : "image/jpeg")
				.append(";base64,")
				.append(Base64.getEncoder().encodeToString(photo))
				.append("\" alt=\"\"/></div>\n");
		}
		return Html.trusted(markup.toString());
	}

	/**
	 * Whether the photo is at least as wide (relative to its height) as the 4:3 photo box.
	 * openhtmltopdf ignores {@code object-fit}, so the template sizes wide photos by width and
	 * tall ones by height to keep them undistorted inside the box.
	 */
	private static boolean isWide(byte[] photo, int index) {
		try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(photo))) {
			Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
			if (!readers.hasNext()) {
				throw new IllegalArgumentException("Photo " + (index + 1) + " is not a readable JPEG or PNG image");
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(in);
				return reader.getWidth(0) * 3L >= reader.getHeight(0) * 4L;
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException ex) {
			throw new IllegalArgumentException("Photo " + (index + 1) + " is not a readable JPEG or PNG image", ex);
		}
	}

	private static boolean isPng(byte[] image) {
		return image.length > 4 && (image[0] & 0xFF) == 0x89 && image[1] == 'P' && image[2] == 'N' && image[3] == 'G';
	}

}
