package nl.postbrug.batches.printer;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import nl.postbrug.support.IppEvePrinter;
import nl.postbrug.support.RequiresIppEvePrinter;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The IPP adapter against a real IPP Everywhere printer (CUPS' ippeveprinter). */
@RequiresIppEvePrinter
class IppPrinterTests {

	static IppEvePrinter device;

	static IppPrinter printer;

	@BeforeAll
	static void switchOn() {
		device = IppEvePrinter.open("postbrug-unit");
		printer = new IppPrinter(URI.create(device.uri()), Duration.ofSeconds(2), Duration.ofSeconds(30), false);
	}

	@AfterAll
	static void switchOff() {
		if (device != null) {
			device.close();
		}
	}

	@Test
	void aJobArrivesByteForByteAndIsFollowedUntilPrinted() throws Exception {
		Path pdf = pdf(3);
		PrintJob job = printer.submit(pdf, "unit-job-1");
		assertThat(job.ref()).startsWith(device.uri() + "/");
		assertThat(job.state()).isIn(PrintJob.State.PENDING, PrintJob.State.PROCESSING, PrintJob.State.COMPLETED);

		String ref = job.ref();
		assertThat(followed(printer, job).state()).isEqualTo(PrintJob.State.COMPLETED);
		assertThat(printer.find("unit-job-1")).hasValueSatisfying(found -> assertThat(found.ref()).isEqualTo(ref));
		assertThat(printer.find("never-sent")).isEmpty();
		Path received = device.received()
			.stream()
			.filter(file -> file.getFileName().toString().contains("unit-job-1"))
			.findFirst()
			.orElseThrow();
		assertThat(Files.readAllBytes(received)).isEqualTo(Files.readAllBytes(pdf));
		assertThat(printer.check().reachable()).isTrue();
	}

	@Test
	void anUnknownJobIsReportedAsUnknown() {
		assertThat(printer.status(device.uri() + "/9999").state()).isEqualTo(PrintJob.State.UNKNOWN);
	}

	@Test
	void aPrinterThatIsOffIsUnavailable() throws Exception {
		IppPrinter nobody = new IppPrinter(URI.create("ipp://localhost:1/ipp/print"), Duration.ofSeconds(1),
				Duration.ofSeconds(2), false);
		assertThatThrownBy(() -> nobody.submit(pdf(1), "unit-job-off")).isInstanceOf(PrinterUnavailable.class)
			.hasMessageContaining("unreachable");
		assertThat(nobody.check().reachable()).isFalse();
	}

	@Test
	void aDuplexBatchForAOneSidedPrinterIsStillPrinted() throws Exception {
		// ippeveprinter offers one-sided printing only and refuses a job that asks for
		// two sides.
		IppPrinter duplex = new IppPrinter(URI.create(device.uri()), Duration.ofSeconds(2), Duration.ofSeconds(30),
				true);
		PrintJob job = duplex.submit(pdf(2), "unit-duplex-1");
		assertThat(followed(duplex, job).state()).isEqualTo(PrintJob.State.COMPLETED);
	}

	@Test
	void onlyIppUrisAreAccepted() {
		assertThatThrownBy(() -> new IppPrinter(URI.create("http://printer/ipp/print"), Duration.ofSeconds(1),
				Duration.ofSeconds(1), false))
			.isInstanceOf(IllegalArgumentException.class);
	}

	/** The job's state once the printer has finished it. */
	private static PrintJob followed(IppPrinter printer, PrintJob job) {
		return await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(300))
			.until(() -> printer.status(job.ref()), state -> state.state().done());
	}

	private static Path pdf(int pages) throws IOException {
		Path file = Files.createTempFile("postbrug-ipp-", ".pdf");
		try (PDDocument document = new PDDocument()) {
			for (int i = 0; i < pages; i++) {
				document.addPage(new PDPage());
			}
			document.save(file.toFile());
		}
		return file;
	}

}
