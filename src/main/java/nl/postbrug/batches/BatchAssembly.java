package nl.postbrug.batches;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import nl.postbrug.batches.printer.PrinterUnavailable;
import nl.postbrug.batches.printer.Printers;
import nl.postbrug.intake.MessageStatus;
import nl.postbrug.intake.MessageView;
import nl.postbrug.intake.Messages;
import nl.postbrug.letters.BatchCover;
import nl.postbrug.letters.BatchLayout;
import nl.postbrug.letters.CopyCodes;
import nl.postbrug.letters.LetterContent;
import nl.postbrug.letters.LetterRendering;
import nl.postbrug.registry.Facility;
import nl.postbrug.registry.Prisoner;
import nl.postbrug.registry.Registry;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes one batch in three steps, each of which survives a crash of the one after it:
 * <ol>
 * <li>claim: in one transaction, hold the facility's lock, create the batch for its slot and give
 * every approved message without a letter a letter and a copy code, sorted by unit, cell and name;</li>
 * <li>render: write the batch PDF from those rows (repeatable: the rows decide what is printed);</li>
 * <li>print: hand the PDF to the facility's printer, then mark batch and messages PRINTED.</li>
 * </ol>
 * The unique key on facility and slot makes a slot produce one batch however often it is run.
 */
@Component
class BatchAssembly {

	private static final Logger log = LoggerFactory.getLogger(BatchAssembly.class);

	private static final Comparator<Prisoner> PRINT_ORDER = Comparator
		.comparing((Prisoner p) -> p.unit() == null ? "" : p.unit())
		.thenComparing(Prisoner::cell)
		.thenComparing(Prisoner::name)
		.thenComparing(Prisoner::number);

	private final BatchStore store;

	private final Messages messages;

	private final Registry registry;

	private final LetterRendering rendering;

	private final LetterContents contents;

	private final Printers printers;

	private final BatchSettings settings;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	BatchAssembly(BatchStore store, Messages messages, Registry registry, LetterRendering rendering,
			LetterContents contents, Printers printers, BatchSettings settings, ApplicationEventPublisher events,
			TransactionTemplate transactions, Clock clock) {
		this.store = store;
		this.messages = messages;
		this.registry = registry;
		this.rendering = rendering;
		this.contents = contents;
		this.printers = printers;
		this.settings = settings;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
	}

	BatchView run(Facility facility, String slot, String actor) {
		Optional<BatchView> existing = store.batch(facility.id(), slot);
		if (existing.isPresent()) {
			return existing.get();
		}
		long batchId;
		try {
			batchId = transactions.execute(tx -> claim(facility, slot));
		}
		catch (DuplicateKeyException otherNodeWon) {
			return store.batch(facility.id(), slot).orElseThrow(() -> otherNodeWon);
		}
		render(batchId, actor);
		print(batchId);
		return store.batch(batchId).orElseThrow();
	}

	private long claim(Facility facility, String slot) {
		store.lockFacility(facility.id());
		long batchId = store.insertBatch(facility.id(), slot, CopyCodes.newCode(), now());
		List<MessageView> approved = messages.inState(MessageStatus.APPROVED, facility.id(), settings.maxLettersPerBatch());
		record Pending(MessageView message, Prisoner prisoner) {
		}
		List<Pending> pending = approved.stream()
			.filter(message -> !store.hasLetter(message.id()))
			.map(message -> new Pending(message, registry.prisoner(message.prisonerId())))
			.sorted(Comparator.comparing(Pending::prisoner, PRINT_ORDER))
			.toList();
		int position = 0;
		for (Pending p : pending) {
			long letterId = store.insertLetter(p.message().id(), batchId, p.prisoner().id(), facility.id(), position++);
			store.insertCopy(CopyCodes.newCode(), letterId, 1, now());
		}
		return batchId;
	}

	/** Writes (or rewrites) the batch PDF from its letter rows. */
	void render(long batchId, String actor) {
		BatchView batch = store.batch(batchId).orElseThrow();
		Facility facility = registry.facility(batch.facilityId());
		List<BatchStore.LetterRow> rows = store.letters(batchId);
		List<LetterContent> letters = rows.stream().map(row -> contents.of(row.messageId(), row.code())).toList();
		Path pdf = pdfPath(facility, batchId);
		BatchCover cover = new BatchCover(facility.name(), batchId + " (" + slotLabel(batch, facility) + ")",
				batch.createdAt().atZone(facility.zone()).toLocalDate(), batch.code());
		BatchLayout layout = rendering.writeBatch(cover, letters, pdf);
		transactions.executeWithoutResult(tx -> {
			store.assembled(batchId, pdf.toString(), rows.size(), layout.totalPages(), layout.letterPages(), rows);
			events.publishEvent(new BatchAssembled(batchId, facility.code(), batch.slot(), rows.size(),
					layout.totalPages(), actor));
		});
		log.info("Batch {} for {}: {} letters, {} pages -> {}", batchId, facility.code(), rows.size(),
				layout.totalPages(), pdf);
	}

	/**
	 * Hands an assembled batch to its printer; on failure the batch waits in PRINT_FAILED. Only the
	 * worker that claims the batch prints it, so a retry and a recovery never print it twice.
	 */
	void print(long batchId) {
		if (!store.claimForPrinting(batchId)) {
			return;
		}
		BatchView batch = store.batch(batchId).orElseThrow();
		Facility facility = registry.facility(batch.facilityId());
		String printedTo;
		try {
			printedTo = printers.forFacility(facility)
				.print(Path.of(pdfPathOf(batch)), facility.code() + "-batch-" + batchId);
		}
		catch (PrinterUnavailable ex) {
			log.warn("Batch {} for {} not printed: {}", batchId, facility.code(), ex.getMessage());
			transactions.executeWithoutResult(tx -> {
				store.printFailed(batchId, ex.getMessage());
				events.publishEvent(new BatchPrintFailed(batchId, facility.code(), ex.getMessage()));
			});
			return;
		}
		transactions.executeWithoutResult(tx -> {
			store.printed(batchId, now());
			for (BatchStore.LetterRow row : store.letters(batchId)) {
				if (messages.get(row.messageId()).status() == MessageStatus.APPROVED) {
					messages.markPrinted(row.messageId(), "Printed in batch " + batchId + " (" + facility.code() + ")");
				}
			}
			events.publishEvent(new BatchPrinted(batchId, facility.code(), batch.letters(), batch.pages(), printedTo));
		});
	}

	/** "scheduled 07:00" or "run by hand at 10:42", in the facility's time. */
	private static String slotLabel(BatchView batch, Facility facility) {
		java.time.format.DateTimeFormatter time = java.time.format.DateTimeFormatter.ofPattern("HH:mm");
		if (batch.slot().startsWith("scheduled-")) {
			return "scheduled " + Instant.parse(batch.slot().substring("scheduled-".length())).atZone(facility.zone()).format(time);
		}
		return "run by hand at " + batch.createdAt().atZone(facility.zone()).format(time);
	}

	private String pdfPathOf(BatchView batch) {
		return store.pdfPath(batch.id()).orElseThrow(() -> new IllegalStateException("Batch " + batch.id() + " has no PDF yet"));
	}

	private Path pdfPath(Facility facility, long batchId) {
		try {
			Path dir = Files.createDirectories(settings.outputDir().resolve(facility.code()));
			return dir.resolve("batch-" + batchId + ".pdf");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

}
