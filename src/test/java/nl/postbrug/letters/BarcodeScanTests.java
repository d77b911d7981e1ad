package nl.postbrug.letters;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import nl.postbrug.support.Peers;
import nl.postbrug.support.RequiresTool;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page's barcode must scan, with ZXing and with an independent decoder (zbarimg),
 * from pages rasterised as a cheap scanner would see them. 1,000 letters at 150 dpi, and
 * a sample at 200 and 300 dpi.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BarcodeScanTests {

	private static final int LETTERS = 1000;

	private static final int CHUNK = 50;

	private static final Pattern SOURCE = Pattern.compile("<source href='([^']*)'>(.*?)</source>", Pattern.DOTALL);

	private static final Pattern DATA = Pattern.compile("<data><!\\[CDATA\\[(.*?)]]></data>", Pattern.DOTALL);

	@TempDir
	static Path work;

	private final LetterRendering rendering = LetterFixtures.rendering();

	private final boolean zbarimg = Peers.onPath("zbarimg").isPresent();

	private final Map<Integer, Scan> scans = new HashMap<>();

	/** What each decoder read from each page, against what it should have read. */
	record Scan(int pages, List<String> zxingFailures, List<String> zbarFailures) {

		Scan plus(Scan other) {
			List<String> z = new ArrayList<>(zxingFailures);
			z.addAll(other.zxingFailures);
			List<String> b = new ArrayList<>(zbarFailures);
			b.addAll(other.zbarFailures);
			return new Scan(pages + other.pages, z, b);
		}

	}

	@BeforeAll
	void renderRasteriseAndDecode() throws Exception {
		long start = System.nanoTime();
		this.scans.put(150, scan(LETTERS, 150));
		long mid = System.nanoTime();
		this.scans.put(200, scan(60, 200));
		this.scans.put(300, scan(40, 300));
		System.out.printf(
				"Barcode scan: %d pages at 150 dpi in %.1f s (render, rasterise, ZXing%s); "
						+ "200/300 dpi sample in %.1f s%n",
				this.scans.get(150).pages(), (mid - start) / 1e9, this.zbarimg ? ", zbarimg" : "",
				(System.nanoTime() - mid) / 1e9);
		this.scans
			.forEach((dpi, scan) -> System.out.printf("  %d dpi: %d pages, ZXing failures %d, zbarimg failures %s%n",
					dpi, scan.pages(), scan.zxingFailures().size(),
					this.zbarimg ? Integer.toString(scan.zbarFailures().size()) : "not run"));
	}

	@Test
	void zxingDecodesEveryPageOfAThousandLettersAt150Dpi() {
		Scan scan = this.scans.get(150);
		assertThat(scan.pages()).isGreaterThanOrEqualTo(LETTERS);
		assertThat(scan.zxingFailures()).isEmpty();
	}

	/**
	 * A page found in a run of the thousand: with this code and body the whole-page
	 * search finds no symbol, and only the look at a window of the page reads it.
	 */
	@Test
	void aPageWhoseWholeViewHidesTheSymbolIsReadInAWindow() throws IOException {
		LetterContent letter = new LetterContent("PI Vught", "Sam de Vries", "1234567", "B2", "117", "Ans de Vries",
				LocalDate.of(2026, 3, 1), body(462), List.of(), "PB-A5TKA-W40YE-7");
		byte[] pdf = this.rendering.render(letter, RenderOptions.DEFAULT).pdf();
		assertThat(PrintedCodes.decodeEachPage(pdf, 150)).containsExactly("PB-A5TKA-W40YE-7");
	}

	@Test
	@RequiresTool(value = "zbarimg", debianPackage = "zbar-tools")
	void zbarimgDecodesEveryPageOfAThousandLettersAt150Dpi() {
		Scan scan = this.scans.get(150);
		assertThat(scan.pages()).isGreaterThanOrEqualTo(LETTERS);
		assertThat(scan.zbarFailures()).isEmpty();
	}

	@Test
	void zxingDecodesAt200And300Dpi() {
		assertThat(this.scans.get(200).zxingFailures()).isEmpty();
		assertThat(this.scans.get(300).zxingFailures()).isEmpty();
	}

	@Test
	@RequiresTool(value = "zbarimg", debianPackage = "zbar-tools")
	void zbarimgDecodesAt200And300Dpi() {
		assertThat(this.scans.get(200).zbarFailures()).isEmpty();
		assertThat(this.scans.get(300).zbarFailures()).isEmpty();
	}

	private Scan scan(int letters, int dpi) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<Scan>> chunks = new ArrayList<>();
			for (int first = 0; first < letters; first += CHUNK) {
				int from = first;
				int to = Math.min(letters, first + CHUNK);
				chunks.add(pool.submit(() -> scanChunk(from, to, dpi)));
			}
			Scan total = new Scan(0, List.of(), List.of());
			for (Future<Scan> chunk : chunks) {
				total = total.plus(chunk.get());
			}
			return total;
		}
		finally {
			pool.shutdownNow();
		}
	}

	private Scan scanChunk(int from, int to, int dpi) throws IOException, InterruptedException {
		Path dir = Files.createDirectories(work.resolve(dpi + "-" + from));
		Map<String, String> expected = new HashMap<>();
		List<String> zxing = new ArrayList<>();
		int pages = 0;
		for (int i = from; i < to; i++) {
			LetterContent letter = LetterFixtures.letter(body(i));
			byte[] pdf = this.rendering.render(letter, RenderOptions.DEFAULT).pdf();
			try (PDDocument doc = Loader.loadPDF(pdf)) {
				PDFRenderer renderer = new PDFRenderer(doc);
				for (int page = 0; page < doc.getNumberOfPages(); page++) {
					pages++;
					BufferedImage image = renderer.renderImageWithDPI(page, dpi, ImageType.GRAY);
					String where = "letter " + i + " page " + (page + 1) + " (" + letter.copyCode() + ")";
					String read = BarcodeReader.decode(image);
					if (!letter.copyCode().equals(read)) {
						zxing.add(where + " read " + read);
					}
					if (this.zbarimg) {
						Path file = dir.resolve(i + "-" + page + ".pgm");
						writePgm(image, file);
						expected.put(file.toString(), letter.copyCode());
					}
				}
			}
		}
		List<String> zbar = this.zbarimg ? zbarimg(dir, expected) : List.of();
		try (Stream<Path> files = Files.list(dir)) {
			files.forEach(f -> f.toFile().delete());
		}
		return new Scan(pages, zxing, zbar);
	}

	/**
	 * One zbarimg run over all pages of a chunk; its XML names the file of each symbol.
	 */
	private static List<String> zbarimg(Path dir, Map<String, String> expected)
			throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(
				List.of(Peers.tool("zbarimg").toString(), "--xml", "-q", "-Sdisable", "-Sqrcode.enable"));
		List<String> files = new ArrayList<>(expected.keySet());
		Collections.sort(files);
		command.addAll(files);
		Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
		String xml = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		process.waitFor();
		Map<String, List<String>> read = new HashMap<>();
		Matcher source = SOURCE.matcher(xml);
		while (source.find()) {
			List<String> symbols = read.computeIfAbsent(source.group(1), k -> new ArrayList<>());
			Matcher data = DATA.matcher(source.group(2));
			while (data.find()) {
				symbols.add(data.group(1));
			}
		}
		List<String> failures = new ArrayList<>();
		for (String file : files) {
			List<String> symbols = read.getOrDefault(file, List.of());
			if (!symbols.equals(List.of(expected.get(file)))) {
				failures.add(Path.of(file).getFileName() + " (" + expected.get(file) + ") read " + symbols);
			}
		}
		return failures;
	}

	/** Binary greymap: no compression to wait for, and zbarimg reads it directly. */
	private static void writePgm(BufferedImage image, Path file) {
		int width = image.getWidth();
		byte[] row = new byte[width];
		try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
			out.write(("P5\n" + width + " " + image.getHeight() + "\n255\n").getBytes(StandardCharsets.US_ASCII));
			// row by row: the raster may be a window on a larger buffer
			for (int y = 0; y < image.getHeight(); y++) {
				image.getRaster().getDataElements(0, y, width, 1, row);
				out.write(row);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Letters of different lengths, all one page, so codes sit where real ones do. */
	private static String body(int i) {
		Random random = new Random(i);
		List<String> paragraphs = new ArrayList<>();
		int n = 1 + random.nextInt(8);
		for (int p = 0; p < n; p++) {
			paragraphs.add("Paragraph " + (p + 1) + " of letter " + i
					+ ": the garden, the dog and the neighbours. ".repeat(1 + random.nextInt(3)));
		}
		return String.join("\n\n", paragraphs);
	}

}
