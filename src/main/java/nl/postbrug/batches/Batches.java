package nl.postbrug.batches;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import nl.postbrug.batches.printer.PrintJob;
import nl.postbrug.batches.printer.PrinterUnavailable;
import nl.postbrug.batches.printer.Printers;
import nl.postbrug.intake.MessageStatus;
import nl.postbrug.intake.Messages;
import nl.postbrug.letters.CopyCodes;
import nl.postbrug.letters.LetterRendering;
import nl.postbrug.letters.RenderOptions;
import nl.postbrug.letters.RenderedLetter;
import nl.postbrug.registry.Facility;
import nl.postbrug.registry.PostbrugUser;
import nl.postbrug.registry.Registry;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Batches per facility: run one now or for a scheduled slot, look them up, reprint one
 * letter, and finish what a crash or an unreachable printer left undone.
 */
@Service
public class Batches {

	private static final Logger log = LoggerFactory.getLogger(Batches.class);

	/** Staff may only touch batches of their own facilities. */
	public static class OutOfScope extends RuntimeException {

		public OutOfScope(String what) {
			super("There is no " + what + " in your facilities");
		}

	}

	/** A reprint of a letter whose message can no longer be handed over. */
	public static class CannotReprint extends RuntimeException {

		public CannotReprint(String message) {
			super(message);
		}

	}

	private final BatchAssembly assembly;

	private final BatchNode node;

	private final BatchStore store;

	private final Registry registry;

	private final Messages messages;

	private final LetterRendering rendering;

	private final LetterContents contents;

	private final Printers printers;

	private final BatchSettings settings;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	Batches(BatchAssembly assembly, BatchNode node, BatchStore store, Registry registry, Messages messages,
			LetterRendering rendering, LetterContents contents, Printers printers, BatchSettings settings,
			ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock) {
		this.assembly = assembly;
		this.node = node;
		this.store = store;
		this.registry = registry;
		this.messages = messages;
		this.rendering = rendering;
		this.contents = contents;
		this.printers = printers;
		this.settings = settings;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * A batch run by hand, outside the schedule: its own slot, so it never collides with
	 * one; it takes every message approved until now.
	 */
	public BatchView runNow(Facility facility, PostbrugUser user) {
		requireScope(user, facility.id(), "facility " + facility.code());
		Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
		String slot = "manual-" + now + "-" + UUID.randomUUID().toString().substring(0, 8);
		return assembly.run(facility, slot, now, user.getUsername(), false, false);
	}

	/** The batch of a scheduled slot, with every message approved until the slot time. */
	public BatchView runScheduled(Facility facility, Instant slotTime) {
		return runScheduled(facility, slotTime, slotTime, false);
	}

	/**
	 * The batch of a scheduled slot; running a slot again returns the batch it already
	 * made, finishing it first if its worker is gone.
	 * @param cutoff messages approved after it wait for the next slot
	 * @param recovered the run of a node that died, taken over: wait for the slot's
	 * unfinished batch until it can be taken over
	 */
	public BatchView runScheduled(Facility facility, Instant slotTime, Instant cutoff, boolean recovered) {
		return assembly.run(facility, "scheduled-" + slotTime.truncatedTo(ChronoUnit.SECONDS), cutoff, "scheduler",
				recovered, true);
	}

	/**
	 * Sends a batch that waits for its printer (PRINT_FAILED or not yet sent) to the
	 * printer now, without waiting for its next retry. The printer is asked about an
	 * earlier job first. Returns once the printer has the job (PRINTING, followed in the
	 * background) or has printed it.
	 */
	public BatchView printAgain(long batchId, PostbrugUser user) {
		BatchView batch = get(batchId, user);
		if (!batch.waitingForPrinter()) {
			throw new CannotReprint("Batch " + batchId + " is " + batch.status()
					+ "; only a batch waiting for its printer can be sent again (reprint single letters instead)");
		}
		log.info("{} sends batch {} to the printer again", user.getUsername(), batchId);
		assembly.print(batchId, true, false);
		return store.batch(batchId).orElseThrow();
	}

	/**
	 * Records that staff printed a waiting batch themselves (from the downloaded PDF, in
	 * folder mode or with the printer broken): the batch and its messages become PRINTED
	 * and no retry follows. Refused while the printer still holds an unfinished job of
	 * the batch, which could print it a second time.
	 */
	public BatchView markPrintedByHand(long batchId, PostbrugUser user) {
		BatchView batch = get(batchId, user);
		if (!batch.waitingForPrinter()) {
			throw new CannotReprint(
					"Batch " + batchId + " is " + batch.status() + " and cannot be marked printed by hand");
		}
		Facility facility = registry.facility(batch.facilityId());
		if (batch.printJob() != null) {
			PrintJob job;
			try {
				job = printers.forFacility(facility).status(batch.printJob());
			}
			catch (PrinterUnavailable ex) {
				throw new CannotReprint(
						"The printer may still hold job " + batch.printJob() + " of this batch and cannot be asked ("
								+ ex.getMessage() + "); cancel the job at the printer, or try again when it answers");
			}
			if (!job.state().done()) {
				throw new CannotReprint("The printer still holds " + job.detail()
						+ "; cancel it at the printer first, or let it print");
			}
		}
		String by = "by hand: " + user.getUsername();
		transactions.executeWithoutResult(tx -> {
			if (!store.printedByHand(batchId, clock.instant().truncatedTo(ChronoUnit.MILLIS), by)) {
				throw new CannotReprint("Batch " + batchId + " changed meanwhile; reload the page");
			}
			assembly.markMessagesPrinted(batchId, facility);
			BatchView done = store.batch(batchId).orElseThrow();
			events.publishEvent(new BatchPrinted(batchId, facility.code(), done.letters(), done.pages(), by));
		});
		return store.batch(batchId).orElseThrow();
	}

	/** Batches of a facility made today in the facility's time, newest first. */
	public List<BatchView> today(Facility facility) {
		Instant midnight = clock.instant()
			.atZone(facility.zone())
			.toLocalDate()
			.atStartOfDay(facility.zone())
			.toInstant();
		return store.since(facility.id(), midnight);
	}

	public Optional<BatchView> find(long id) {
		return store.batch(id);
	}

	public BatchView get(long id, PostbrugUser user) {
		BatchView batch = store.batch(id).orElseThrow(() -> new OutOfScope("batch " + id));
		requireScope(user, batch.facilityId(), "batch " + id);
		return batch;
	}

	public List<BatchView.Item> items(long batchId) {
		return store.items(batchId);
	}

	public Path pdf(BatchView batch) {
		return store.pdfPath(batch.id())
			.map(Path::of)
			.filter(Files::isReadable)
			.orElseThrow(() -> new CannotReprint("Batch " + batch.id() + " has no PDF (yet)"));
	}

	public List<BatchView> recent(long facilityId, int limit) {
		return store.recent(facilityId, limit);
	}

	public Optional<LetterCopy> copy(String code) {
		return store.copy(code);
	}

	/**
	 * Prints one letter again under a new copy code and voids the old one, so the damaged
	 * or lost copy can no longer be scanned as delivered. The message's state does not
	 * change.
	 * @return the new copy code
	 */
	public String reprint(long letterId, PostbrugUser user) {
		BatchStore.LetterInfo letter = store.letter(letterId).orElseThrow(() -> new OutOfScope("letter " + letterId));
		requireScope(user, letter.facilityId(), "letter " + letterId);
		MessageStatus status = messages.get(letter.messageId()).status();
		if (status != MessageStatus.PRINTED) {
			throw new CannotReprint("Letter " + letterId + " cannot be reprinted: its message is " + status
					+ (status == MessageStatus.APPROVED ? " and its batch has not been printed yet" : ""));
		}
		Facility facility = registry.facility(letter.facilityId());
		String code = CopyCodes.newCode();
		int copyNo = letter.lastCopy() + 1;
		String voided = transactions.execute(tx -> {
			String old = store.letters(letter.batchId())
				.stream()
				.filter(row -> row.id() == letterId)
				.findFirst()
				.orElseThrow()
				.code();
			store.voidCopies(letterId);
			store.insertCopy(code, letterId, copyNo, clock.instant().truncatedTo(ChronoUnit.MILLIS));
			events.publishEvent(new LetterReprinted(letterId, old, code, user.getUsername()));
			return old;
		});
		RenderedLetter rendered = rendering.render(contents.of(letter.messageId(), code),
				facility.printer().greyscalePhotos() ? RenderOptions.GREYSCALE_PHOTOS : RenderOptions.DEFAULT);
		Path pdf = settings.outputDir()
			.resolve(facility.code())
			.resolve("letter-" + letterId + "-copy-" + copyNo + ".pdf");
		try {
			Files.createDirectories(pdf.getParent());
			Files.write(pdf, rendered.pdf());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		store.copyPrinted(code, pdf.toString());
		printers.forFacility(facility).submit(pdf, facility.code() + "-letter-" + letterId + "-copy-" + copyNo);
		log.info("Letter {} reprinted as {}; {} is void", letterId, code, voided);
		return code;
	}

	/**
	 * Finishes what a crash left: batches claimed but not rendered, rendered but not
	 * sent, or sent but not known to be printed. On a single node (embedded database)
	 * every such batch of an earlier process is taken at once; with several nodes only
	 * those whose worker has stopped its heartbeat, so a live node's batch is never
	 * stolen. This process's own runs (a slot made up at start-up, say) are left alone.
	 */
	@EventListener(ApplicationReadyEvent.class)
	public void resume() {
		for (BatchView batch : store.orphaned(node.staleBefore(), node.clustered() ? null : node.id())) {
			resumeQuietly(batch, node.clustered() ? null : node.id());
		}
		for (BatchView batch : store.inStatus(BatchStatus.ASSEMBLED)) {
			assembly.print(batch.id(), false, true);
		}
		retryFailed();
	}

	/**
	 * Every {@code sweep-interval}: failed prints whose retry is due are tried again, and
	 * batches of a node that died (half assembled, assembled but not sent, or sent but
	 * not followed to the end) are taken over.
	 */
	@Scheduled(fixedDelayString = "${postbrug.batches.sweep-interval:15s}",
			initialDelayString = "${postbrug.batches.sweep-interval:15s}")
	public void sweep() {
		for (BatchView batch : store.orphaned(node.staleBefore(), null)) {
			resumeQuietly(batch, null);
		}
		for (BatchView batch : store.assembledAndIdle(node.staleBefore())) {
			try {
				assembly.print(batch.id(), false, true);
			}
			catch (RuntimeException ex) {
				log.warn("Batch {} could not be sent to its printer: {}", batch.id(), ex.getMessage());
			}
		}
		retryFailed();
	}

	void retryFailed() {
		for (BatchView batch : store.dueForRetry(clock.instant())) {
			try {
				assembly.print(batch.id(), false, true);
			}
			catch (RuntimeException ex) {
				log.warn("Batch {} still not printed: {}", batch.id(), ex.getMessage());
			}
		}
	}

	private void resumeQuietly(BatchView batch, String otherThan) {
		try {
			assembly.resume(batch, otherThan);
		}
		catch (RuntimeException ex) {
			log.error("Batch {} could not be finished; it is tried again later", batch.id(), ex);
		}
	}

	private static void requireScope(PostbrugUser user, long facilityId, String what) {
		if (!user.canAct(facilityId)) {
			throw new OutOfScope(what);
		}
	}

}
