package nl.postbrug.letters.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import nl.postbrug.letters.PrintedCodes;
import nl.postbrug.letters.CopyCodes;
import nl.postbrug.letters.LetterContent;
import nl.postbrug.letters.RenderOptions;
import nl.postbrug.letters.pdf.LetterPdf;

/**
 * How often ZXing fails to read a letter's QR code at 150 dpi, for several printed sizes
 * of the code. Failing letters are kept in a temporary folder for inspection. Run with
 * {@code ./mvnw -Pbench test -Dtest=QrScanMeasurement -Dsizes=22mm,26mm -Dn=3000}.
 */
@EnabledIfSystemProperty(named = "postbrug.bench", matches = "true",
		disabledReason = "measurement: run with ./mvnw -Pbench test -Dtest=QrScanMeasurement")
class QrScanMeasurement {

	@Test
	void zxingFailuresPerQrSize() throws IOException {
		int n = Integer.getInteger("n", 1500);
		Path failures = Files.createTempDirectory("postbrug-qr-failures-");
		for (String size : System.getProperty("sizes", "22mm").split(",")) {
			Path dir = Files.createTempDirectory("postbrug-templates-");
			try (var files = Files.list(Path.of("print-templates"))) {
				for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
					String text = Files.readString(file);
					if (file.getFileName().toString().equals("letter.html")) {
						text = text.replace("object.qr { display: block; width: 22mm; height: 22mm; }",
								"object.qr { display: block; width: " + size + "; height: " + size + "; }");
					}
					Files.writeString(dir.resolve(file.getFileName()), text);
				}
			}
			LetterPdf pdf = new LetterPdf(dir, Clock.systemUTC());
			AtomicInteger failed = new AtomicInteger();
			IntStream.range(0, n).parallel().forEach(i -> {
				LetterContent letter = new LetterContent("PI Vught", "Sam", "1", "B2", "117", "Ans", null, "Hi " + i,
						List.of(), CopyCodes.newCode());
				byte[] bytes = pdf.letter(letter, RenderOptions.DEFAULT).pdf();
				if (!List.of(letter.copyCode()).equals(PrintedCodes.decodeEachPage(bytes, 150))) {
					failed.incrementAndGet();
					try {
						Files.write(failures.resolve(size + "-" + letter.copyCode() + ".pdf"), bytes);
					}
					catch (IOException ex) {
						throw new UncheckedIOException(ex);
					}
				}
			});
			System.out.printf("QR box %s: %d / %d ZXing failures at 150 dpi%n", size, failed.get(), n);
		}
		System.out.println("Failing letters (if any) are in " + failures);
	}

}
