package nl.postbrug.batches;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.AbstractList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import nl.postbrug.batches.printer.PrintJob;
import nl.postbrug.batches.printer.Printer;
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
import nl.postbrug.letters.RenderOptions;
import nl.postbrug.registry.Facility;
import nl.postbrug.registry.Prisoner;
import nl.postbrug.registry.Registry;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes one batch in three steps, each of which survives a crash of the one after it:
 * <ol>
 * <li>claim: in one transaction, hold the facility's lock, create the batch for its slot
 * and give every message approved before the cut-off and without a letter a letter and a
 * copy code, sorted by unit, cell and name;</li>
 * <li>render: write the batch PDF from those rows (repeatable: the rows decide what is
 * printed);</li>
 * <li>print: hand the PDF to the facility's printer and follow the job until the printer
 * has printed it, then mark batch and messages PRINTED.</li>
 * </ol>
 * The unique key on facility and slot makes a slot produce one batch however often, and
 * on however many nodes, it is run. The node that creates or claims a batch is its worker
 * and keeps a heartbeat on it; a batch whose worker died is taken over by another node
 * (or the next process) and finished from the step it had reached. Before a batch is sent
 * to a printer again, the printer is asked about the earlier job, so a batch the printer
 * already has is never sent twice.
 */
@Component
class BatchAssembly implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(BatchAssembly.class);

	private static final Comparator<Prisoner> PRINT_ORDER = Comparator
		.comparing((Prisoner p) -> p.unit() == null ? "" : p.unit())
		.thenComparing(Prisoner::cell)
		.thenComparing(Prisoner::name)
		.thenComparing(Prisoner::number);

	private final BatchStore store;

	private final BatchNode node;

	private final Messages messages;

	private final Registry registry;

	private final LetterRendering rendering;

	private final LetterContents contents;

	private final Printers printers;

	private final BatchSettings settings;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	/** Follows print jobs staff started, so their page does not wait for the printer. */
	private final ExecutorService followers = Executors.newCachedThreadPool(task -> {
		Thread thread = new Thread(task, "batch-print-follow");
		thread.setDaemon(true);
		return thread;
	});

	BatchAssembly(BatchStore store, BatchNode node, Messages messages, Registry registry, LetterRendering rendering,
			LetterContents contents, Printers printers, BatchSettings settings, ApplicationEventPublisher events,
			TransactionTemplate transactions, Clock clock) {
		this.store = store;
		this.node = node;
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

	/**
	 * The batch of a slot: made now, or, when the slot has one already, that one,
	 * finished here if its worker is gone. With {@code waitForWorker} (a run Quartz
	 * recovered from a dead node) an unfinished batch is waited for until it is done or
	 * its worker counts as dead and it can be taken over.
	 */
	BatchView run(Facility facility, String slot, Instant cutoff, String actor, boolean waitForWorker,
			boolean followHere) {
		Optional<BatchView> existing = store.batch(facility.id(), slot);
		if (existing.isPresent()) {
			return finish(existing.get(), waitForWorker);
		}
		long batchId;
		try {
			batchId = transactions.execute(tx -> claim(facility, slot, cutoff));
		}
		catch (DuplicateKeyException otherNodeWon) {
			return finish(store.batch(facility.id(), slot).orElseThrow(() -> otherNodeWon), waitForWorker);
		}
		log.info("Batch {} for {} ({}): letters claimed for messages approved until {}", batchId, facility.code(), slot,
				cutoff);
		try (BatchNode.Work work = node.working(batchId)) {
			render(batchId, actor);
		}
		print(batchId, false, followHere);
		return store.batch(batchId).orElseThrow();
	}

	private BatchView finish(BatchView batch, boolean waitForWorker) {
		Instant giveUp = clock.instant().plus(settings.staleAfter().multipliedBy(2));
		BatchView current = batch;
		while (current.status() == BatchStatus.ASSEMBLING || current.status() == BatchStatus.PRINTING) {
			if (resume(current, null) || !waitForWorker || clock.instant().isAfter(giveUp)) {
				break;
			}
			pause(Duration.ofMillis(Math.min(1000, Math.max(100, settings.staleAfter().toMillis() / 4))));
			current = store.batch(batch.id()).orElseThrow();
		}
		return store.batch(batch.id()).orElseThrow();
	}

	/**
	 * Takes over a batch whose worker is gone and finishes it from where it stopped.
	 * @param otherThan also take batches whose worker is any node but this one (a single
	 * node at start-up: they were left by the previous process)
	 * @return false when the batch is finished or its worker is alive
	 */
	boolean resume(BatchView batch, String otherThan) {
		if (!store.takeOver(batch.id(), node.id(), clock.instant(), node.staleBefore(), otherThan)) {
			return false;
		}
		BatchView taken = store.batch(batch.id()).orElseThrow();
		if (taken.status() == BatchStatus.ASSEMBLING) {
			log.warn("Batch {} was left half assembled by node {}; writing it again", taken.id(), batch.owner());
			try (BatchNode.Work work = node.working(taken.id())) {
				render(taken.id(), "recovery");
			}
			print(taken.id(), false, true);
		}
		else if (taken.status() == BatchStatus.PRINTING) {
			log.warn("Batch {} was left printing by node {}; asking the printer before anything is sent again",
					taken.id(), batch.owner());
			printClaimed(taken.id(), true);
		}
		return true;
	}

	private long claim(Facility facility, String slot, Instant cutoff) {
		store.lockFacility(facility.id());
		long batchId = store.insertBatch(facility.id(), slot, CopyCodes.newCode(), now(), cutoff, node.id());
		List<MessageView> approved = messages.inState(MessageStatus.APPROVED, facility.id(),
				settings.maxLettersPerBatch());
		record Pending(MessageView message, Prisoner prisoner) {
		}
		List<Pending> pending = approved.stream()
			.filter(message -> !store.hasLetter(message.id()))
			.filter(message -> approvedBy(message, cutoff))
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

	/** Messages approved after the cut-off wait for the next batch. */
	private boolean approvedBy(MessageView message, Instant cutoff) {
		if (cutoff == null) {
			return true;
		}
		return messages.history(message.id())
			.stream()
			.filter(change -> change.status() == MessageStatus.APPROVED)
			.reduce((first, last) -> last)
			.map(change -> !change.at().isAfter(cutoff))
			.orElse(true);
	}

	/**
	 * Writes (or rewrites) the batch PDF from its letter rows. Letters are read from the
	 * database one at a time while the PDF is written, so the heap does not hold the
	 * batch; the file appears under its name only when complete.
	 */
	void render(long batchId, String actor) {
		BatchView batch = store.batch(batchId).orElseThrow();
		Facility facility = registry.facility(batch.facilityId());
		List<BatchStore.LetterRow> rows = store.letters(batchId);
		List<LetterContent> letters = new AbstractList<>() {

			@Override
			public LetterContent get(int index) {
				BatchStore.LetterRow row = rows.get(index);
				return contents.of(row.messageId(), row.code());
			}

			@Override
			public int size() {
				return rows.size();
			}

		};
		Path pdf = pdfPath(facility, batchId);
		Path partial = pdf.resolveSibling("." + pdf.getFileName() + "." + ProcessHandle.current().pid() + ".part");
		BatchCover cover = new BatchCover(facility.name(), batchId + " (" + slotLabel(batch, facility) + ")",
				batch.createdAt().atZone(facility.zone()).toLocalDate(), batch.code());
		RenderOptions options = facility.printer().greyscalePhotos() ? RenderOptions.GREYSCALE_PHOTOS
				: RenderOptions.DEFAULT;
		BatchLayout layout = rendering.writeBatch(cover, letters, options, facility.printer().duplex(), partial);
		try {
			Files.move(partial, pdf, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot move batch " + batchId + " into place at " + pdf, ex);
		}
		boolean mine = Boolean.TRUE.equals(transactions.execute(tx -> {
			if (!store.assembled(batchId, node.id(), pdf.toString(), rows.size(), layout.totalPages(),
					layout.letterPages(), rows)) {
				return false;
			}
			events.publishEvent(new BatchAssembled(batchId, facility.code(), batch.slot(), rows.size(),
					layout.totalPages(), actor));
			return true;
		}));
		if (!mine) {
			log.warn("Batch {} was taken over by another node while this one wrote it; leaving it to that node",
					batchId);
			return;
		}
		log.info("Batch {} for {}: {} letters, {} pages -> {}", batchId, facility.code(), rows.size(),
				layout.totalPages(), pdf);
	}

	/**
	 * Hands an assembled batch (or a failed one whose retry is due, or any failed one
	 * with {@code evenIfNotDue}) to its printer. Only the worker that claims the batch
	 * prints it.
	 * @param followHere follow the job to its end in this thread; otherwise (staff
	 * waiting for a page) a job the printer has not finished yet is followed in the
	 * background
	 */
	void print(long batchId, boolean evenIfNotDue, boolean followHere) {
		if (store.claimForPrinting(batchId, node.id(), clock.instant(), evenIfNotDue)) {
			printClaimed(batchId, followHere);
		}
	}

	/**
	 * Prints a batch this node has claimed: first asks the printer about the job an
	 * earlier attempt sent (by its reference or, if that was never recorded, by its
	 * name); sends the batch only when there is no such job or the printer ended it
	 * without printing; then follows the job until it is printed. Any failure leaves the
	 * batch PRINT_FAILED with the reason and the time of the next try.
	 */
	private void printClaimed(long batchId, boolean followHere) {
		BatchView batch = store.batch(batchId).orElseThrow();
		Facility facility = registry.facility(batch.facilityId());
		BatchNode.Work work = node.working(batchId);
		boolean followedElsewhere = false;
		try {
			Printer printer = printers.forFacility(facility);
			PrintJob job = earlierJob(batch, printer);
			if (job == null || job.state() == PrintJob.State.FAILED || job.state() == PrintJob.State.UNKNOWN) {
				if (job != null) {
					log.warn("Batch {}: the printer ended the earlier attempt ({}); sending the batch again", batchId,
							job.detail());
				}
				String jobName = facility.code() + "-batch-" + batchId + "-" + (batch.printAttempts() + 1);
				if (!store.jobSubmitting(batchId, node.id(), printer.uri(), jobName)) {
					log.warn("Batch {} is no longer this node's to print", batchId);
					return;
				}
				job = printer.submit(Path.of(pdfPathOf(batch)), jobName);
				store.jobState(batchId, job.ref(), job.state().name());
			}
			if (!followHere && !job.state().done()) {
				PrintJob accepted = job;
				followers.execute(() -> {
					try {
						followToTheEnd(batch, facility, printer, accepted);
					}
					finally {
						work.close();
					}
				});
				followedElsewhere = true;
				return;
			}
			followToTheEnd(batch, facility, printer, job);
		}
		catch (PrinterUnavailable ex) {
			failed(batchId, facility, ex.getMessage());
		}
		catch (RuntimeException ex) {
			log.error("Batch {} could not be printed", batchId, ex);
			failed(batchId, facility, "Could not print: " + ex.getMessage());
		}
		finally {
			if (!followedElsewhere) {
				work.close();
			}
		}
	}

	private void followToTheEnd(BatchView batch, Facility facility, Printer printer, PrintJob accepted) {
		long batchId = batch.id();
		try {
			PrintJob job = follow(batchId, printer, accepted);
			switch (job.state()) {
				case COMPLETED -> printed(batch, facility, job.detail());
				case FAILED, UNKNOWN ->
					failed(batchId, facility, "The printer did not print the batch: " + job.detail());
				default -> failed(batchId, facility, "The printer has not finished " + job.detail() + " after "
						+ settings.jobTimeout() + "; it will be asked again, and the batch is not sent twice");
			}
		}
		catch (PrinterUnavailable ex) {
			failed(batchId, facility, ex.getMessage());
		}
		catch (RuntimeException ex) {
			log.error("Batch {} could not be followed at its printer", batchId, ex);
			failed(batchId, facility, "Could not follow the print job: " + ex.getMessage());
		}
	}

	private PrintJob earlierJob(BatchView batch, Printer printer) {
		if (batch.printJob() != null) {
			return printer.status(batch.printJob());
		}
		if (batch.printJobName() != null) {
			return printer.find(batch.printJobName()).orElse(null);
		}
		return null;
	}

	private PrintJob follow(long batchId, Printer printer, PrintJob submitted) {
		PrintJob job = submitted;
		Instant deadline = clock.instant().plus(settings.jobTimeout());
		while (!job.state().done() && clock.instant().isBefore(deadline)) {
			pause(settings.jobPollInterval());
			job = printer.status(job.ref());
			store.jobState(batchId, job.ref(), job.state().name());
		}
		return job;
	}

	private void printed(BatchView batch, Facility facility, String printedTo) {
		long batchId = batch.id();
		transactions.executeWithoutResult(tx -> {
			if (!store.printed(batchId, node.id(), now(), printedTo)) {
				log.warn("Batch {} is no longer this node's; not marking it printed here", batchId);
				return;
			}
			markMessagesPrinted(batchId, facility);
			BatchView done = store.batch(batchId).orElseThrow();
			events.publishEvent(new BatchPrinted(batchId, facility.code(), done.letters(), done.pages(), printedTo));
		});
	}

	void markMessagesPrinted(long batchId, Facility facility) {
		for (BatchStore.LetterRow row : store.letters(batchId)) {
			if (messages.get(row.messageId()).status() == MessageStatus.APPROVED) {
				messages.markPrinted(row.messageId(), batchId, facility.code());
			}
		}
	}

	private void failed(long batchId, Facility facility, String reason) {
		log.warn("Batch {} for {} not printed: {}", batchId, facility.code(), reason);
		transactions.executeWithoutResult(tx -> {
			int attempts = Math.max(1, store.batch(batchId).orElseThrow().printAttempts());
			Instant next = now().plus(backOff(attempts));
			if (store.printFailed(batchId, node.id(), reason, next)) {
				events.publishEvent(new BatchPrintFailed(batchId, facility.code(), reason));
			}
		});
	}

	/**
	 * {@code retry-interval}, doubled per failed attempt, at most
	 * {@code max-retry-interval}.
	 */
	Duration backOff(int attempts) {
		Duration wait = settings.retryInterval();
		for (int i = 1; i < attempts && wait.compareTo(settings.maxRetryInterval()) < 0; i++) {
			wait = wait.multipliedBy(2);
		}
		return wait.compareTo(settings.maxRetryInterval()) > 0 ? settings.maxRetryInterval() : wait;
	}

	/** "scheduled 07:00" or "run by hand at 10:42", in the facility's time. */
	private static String slotLabel(BatchView batch, Facility facility) {
		DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm");
		if (batch.slot().startsWith("scheduled-")) {
			return "scheduled "
					+ Instant.parse(batch.slot().substring("scheduled-".length())).atZone(facility.zone()).format(time);
		}
		return "run by hand at " + batch.createdAt().atZone(facility.zone()).format(time);
	}

	private String pdfPathOf(BatchView batch) {
		return store.pdfPath(batch.id())
			.orElseThrow(() -> new IllegalStateException("Batch " + batch.id() + " has no PDF yet"));
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

	private static void pause(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PrinterUnavailable("Interrupted while waiting", ex);
		}
	}

	/**
	 * Jobs still followed are left: their batches stay PRINTING and are taken over after
	 * a restart.
	 */
	@Override
	public void destroy() {
		followers.shutdownNow();
	}

	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

}
