package nl.postbrug.batches;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import nl.postbrug.batches.printer.PrintJob;
import nl.postbrug.batches.printer.Printer;
import nl.postbrug.batches.printer.Printers;
import nl.postbrug.intake.Messages;
import nl.postbrug.letters.CopyCodes;
import nl.postbrug.registry.Facility;
import nl.postbrug.registry.PrinterType;
import nl.postbrug.registry.Registry;
import nl.postbrug.support.IppEvePrinter;
import nl.postbrug.support.RequiresIppEvePrinter;
import nl.postbrug.support.TestDatabase;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The print step against a real IPP Everywhere printer (ippeveprinter), switched off and
 * on between attempts, with a clock the test moves on: how a failed batch is counted, how
 * long it waits, what it shows while it is tried again, and that it reaches the printer
 * once.
 */
@RequiresIppEvePrinter
class BatchPrintingTests {

	static final Duration RETRY = Duration.ofMinutes(1);

	static final Duration MAX_RETRY = Duration.ofMinutes(10);

	static IppEvePrinter device;

	@TempDir
	Path dir;

	final TestClock clock = new TestClock(Instant.parse("2026-11-30T06:00:00Z"));

	final List<Object> published = new ArrayList<>();

	/** What the batch row said each time a job was sent to the printer. */
	final List<BatchView> atSubmit = new ArrayList<>();

	BatchFixture db;

	BatchNode node;

	PrintJobFollower follower;

	BatchPrinting printing;

	Facility facility;

	@BeforeAll
	static void switchOn() {
		device = IppEvePrinter.open("postbrug-batch-printing");
	}

	@AfterAll
	static void switchOff() {
		if (device != null) {
			device.close();
		}
	}

	@BeforeEach
	void printingStep() {
		device.start();
		db = new BatchFixture(TestDatabase.migrated());
		facility = db.facility(PrinterType.IPP, device.uri());
		BatchSettings settings = BatchFixture.settings(dir, 100, RETRY, MAX_RETRY);
		Registry registry = mock(Registry.class);
		when(registry.facility(facility.id())).thenReturn(facility);
		node = new BatchNode(db.batches, settings, clock, db.dataSource);
		follower = new PrintJobFollower(db.batches, settings, clock);
		printing = new BatchPrinting(db.batches, db.letters, node, follower, watched(new Printers(settings)), registry,
				mock(Messages.class), settings, new PdfStore(mock(nl.postbrug.storage.BlobStore.class), settings),
				published::add, db.transactions, clock);
	}

	@AfterEach
	void stopThreads() {
		follower.destroy();
		node.destroy();
	}

	@Test
	void aRetryThatFailsWhenAskingAboutTheEarlierJobCountsAsAnAttemptAndWaitsTwiceAsLong() throws Exception {
		long id = assembledBatch();
		device.stop();

		printing.print(id, false, true);
		BatchView first = db.batches.batch(id).orElseThrow();
		assertThat(first.status()).isEqualTo(BatchStatus.PRINT_FAILED);
		assertThat(first.printAttempts()).isEqualTo(1);
		assertThat(first.failure()).contains("unreachable", "Print-Job");
		assertThat(first.nextRetryAt()).isEqualTo(clock.instant().plus(RETRY));
		assertThat(first.printJobName()).as("recorded before it was sent").isNotNull();

		// The retry first asks the printer whether it took the earlier job after all, and
		// fails there already.
		clock.advance(RETRY);
		printing.print(id, false, true);
		BatchView second = db.batches.batch(id).orElseThrow();
		assertThat(second.status()).isEqualTo(BatchStatus.PRINT_FAILED);
		assertThat(second.failure()).contains("unreachable", "Get-Jobs");
		assertThat(second.printAttempts()).isEqualTo(2);
		assertThat(second.nextRetryAt()).isEqualTo(clock.instant().plus(RETRY.multipliedBy(2)));

		// Not due yet: nothing is tried.
		clock.advance(RETRY);
		printing.print(id, false, true);
		assertThat(db.batches.batch(id).orElseThrow().printAttempts()).isEqualTo(2);

		clock.advance(RETRY);
		printing.print(id, false, true);
		BatchView third = db.batches.batch(id).orElseThrow();
		assertThat(third.printAttempts()).isEqualTo(3);
		assertThat(third.nextRetryAt()).isEqualTo(clock.instant().plus(RETRY.multipliedBy(4)));
		assertThat(published).filteredOn(BatchPrintFailed.class::isInstance).hasSize(3);
		assertThat(received(id)).isEmpty();

		device.start();
		clock.advance(RETRY.multipliedBy(4));
		printing.print(id, false, true);
		BatchView printed = db.batches.batch(id).orElseThrow();
		assertThat(printed.status()).isEqualTo(BatchStatus.PRINTED);
		assertThat(printed.failure()).isNull();
		assertThat(received(id)).hasSize(1);
		assertThat(published).filteredOn(BatchPrinted.class::isInstance).hasSize(1);
	}

	@Test
	void aBatchBackInPrintingNoLongerShowsTheFailureOfItsLastAttempt() throws Exception {
		long id = assembledBatch();
		device.stop();
		printing.print(id, false, true);
		assertThat(db.batches.batch(id).orElseThrow().failure()).contains("unreachable");
		atSubmit.clear();

		device.start();
		// Staff: "Print again now", without waiting for the retry.
		printing.print(id, true, true);

		assertThat(atSubmit).hasSize(1).singleElement().satisfies(sending -> {
			assertThat(sending.status()).isEqualTo(BatchStatus.PRINTING);
			assertThat(sending.failure()).isNull();
			assertThat(sending.nextRetryAt()).isNull();
			assertThat(sending.printAttempts()).isEqualTo(2);
		});
		assertThat(db.batches.batch(id).orElseThrow().status()).isEqualTo(BatchStatus.PRINTED);
		assertThat(received(id)).hasSize(1);
	}

	@Test
	void aBatchThePrinterAlreadyPrintedIsNotSentAgainWhenAskedToPrintIt() throws Exception {
		long id = assembledBatch();
		printing.print(id, false, true);
		assertThat(db.batches.batch(id).orElseThrow().status()).isEqualTo(BatchStatus.PRINTED);

		printing.print(id, true, true);

		assertThat(atSubmit).hasSize(1);
		assertThat(received(id)).hasSize(1);
		assertThat(db.batches.batch(id).orElseThrow().printAttempts()).isEqualTo(1);
	}

	/** A batch written and ready for its printer, as the render step leaves it. */
	private long assembledBatch() throws Exception {
		long id = db.batches.insertBatch(facility.id(), "slot-" + System.nanoTime(), CopyCodes.newCode(),
				clock.instant(), clock.instant(), node.id());
		Path pdf = dir.resolve("batch-" + id + ".pdf");
		try (PDDocument document = new PDDocument()) {
			document.addPage(new PDPage());
			document.save(pdf.toFile());
		}
		assertThat(db.batches.assembled(id, node.id(), pdf.toString(), 0, 1)).isTrue();
		return id;
	}

	/**
	 * The jobs of this batch the printer received (spool files are named after the job).
	 */
	private List<Path> received(long batchId) {
		String name = (facility.code() + "-batch-" + batchId + "-").toLowerCase(Locale.ROOT);
		return device.received()
			.stream()
			.filter(file -> file.getFileName().toString().toLowerCase(Locale.ROOT).contains(name))
			.toList();
	}

	/** The real printers, each noting the batch as it stood when a job was sent. */
	private Printers watched(Printers printers) {
		return new Printers(BatchFixture.settings(dir, 100, RETRY, MAX_RETRY)) {

			@Override
			public Printer forFacility(Facility facility) {
				Printer real = printers.forFacility(facility);
				return new Printer() {

					@Override
					public String uri() {
						return real.uri();
					}

					@Override
					public PrintJob submit(Path pdf, String jobName) {
						db.batches.batch(Long.parseLong(jobName.replaceAll(".*-batch-(\\d+)-.*", "$1")))
							.ifPresent(atSubmit::add);
						return real.submit(pdf, jobName);
					}

					@Override
					public PrintJob status(String job) {
						return real.status(job);
					}

					@Override
					public Optional<PrintJob> find(String jobName) {
						return real.find(jobName);
					}

					@Override
					public Reachability check() {
						return real.check();
					}

				};
			}

		};
	}

}
