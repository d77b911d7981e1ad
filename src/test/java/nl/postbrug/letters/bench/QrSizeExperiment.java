package nl.postbrug.letters.bench;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;

import nl.postbrug.letters.BarcodeReader;
import nl.postbrug.letters.CopyCodes;
import nl.postbrug.letters.LetterContent;
import nl.postbrug.letters.pdf.LetterPdf;
import nl.postbrug.letters.RenderOptions;

@org.junit.jupiter.api.condition.EnabledIfSystemProperty(named = "postbrug.bench", matches = "true",
		disabledReason = "measurement: run with ./mvnw -Pbench test -Dtest=QrSizeExperiment")
class QrSizeExperiment {

	@Test
	void run() throws Exception {
		int n = Integer.getInteger("n", 1500);
		for (String size : System.getProperty("sizes", "22mm").split(",")) {
			Path dir = Files.createTempDirectory("qr");
			for (String f : new String[] { "letter.html", "cover.html", "manifest.html" }) {
				String t = Files.readString(Path.of("print-templates", f));
				if (f.equals("letter.html")) {
					t = t.replace("object.qr { display: block; width: 22mm; height: 22mm; }",
							"object.qr { display: block; width: " + size + "; height: " + size + "; }");
				}
				Files.writeString(dir.resolve(f), t);
			}
			LetterPdf pdf = new LetterPdf(dir, Clock.systemUTC());
			AtomicInteger fail = new AtomicInteger();
			IntStream.range(0, n).parallel().forEach(i -> {
				LetterContent l = new LetterContent("PI Vught", "Sam", "1", "B2", "117", "Ans", null, "Hi " + i, java.util.List.of(),
						CopyCodes.newCode());
				byte[] bytes = pdf.letter(l, RenderOptions.DEFAULT).pdf();
				var r = BarcodeReader.decodeEachPage(bytes, 150);
				if (!l.copyCode().equals(r.get(0))) {
					int k = fail.incrementAndGet();
					System.out.println("failed " + l.copyCode());
					try {
						Files.write(Path.of("/tmp/qrfail-" + size + "-" + k + ".pdf"), bytes);
					}
					catch (java.io.IOException ex) {
						throw new java.io.UncheckedIOException(ex);
					}
				}
			});
			System.out.println("QR box " + size + ": " + fail.get() + " / " + n + " ZXing failures at 150 dpi");
		}
	}

}
