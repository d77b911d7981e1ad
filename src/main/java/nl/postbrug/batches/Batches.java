package nl.postbrug.batches;

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
import nl.postbrug.registry.Facility;
import nl.postbrug.registry.OutOfScope;
import nl.postbrug.registry.PostbrugUser;
import nl.postbrug.registry.Registry;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Batches per facility: run one now or for a scheduled slot, look them up, print a
 * waiting one again or record it printed by hand, and reprint one letter. Staff see and
 * touch only the batches of their own facilities.
 */
@Service
public class Batches {

	private static final Logger log = LoggerFactory.getLogger(Batches.class);

	/** A reprint of a letter whose message can no longer be handed over. */
	public static class CannotReprint extends nl.postbrug.WordedException {

		/**
		 * @param code the words in {@code i18n/batches}, e.g.
		 * {@code batches.cannot.changed}
		 * @param log the English sentence for the log
		 */
		public CannotReprint(String code, String log, Object... arguments) {
			super(code, log, arguments);
		}

	}

	private final BatchAssembly assembly;

	private final BatchPrinting printing;

	private final LetterReprints reprints;

	private final BatchStore batches;

	private final LetterStore letters;

	private final Registry registry;

	private final Printers printers;

	private final ApplicationEventPublisher events;

	private final PdfStore pdfs;

	private final PdfRetention retention;

	private final Clock clock;

	Batches(BatchAssembly assembly, BatchPrinting printing, LetterReprints reprints, BatchStore batches,
			LetterStore letters, Registry registry, Printers printers, PdfStore pdfs, PdfRetention retention,
			ApplicationEventPublisher events, Clock clock) {
		this.retention = retention;
		this.assembly = assembly;
		this.printing = printing;
		this.reprints = reprints;
		this.batches = batches;
		this.letters = letters;
		this.registry = registry;
		this.printers = printers;
		this.events = events;
		this.pdfs = pdfs;
		this.clock = clock;
	}

	/**
	 * A batch run by hand, outside the schedule: its own slot, so it never collides with
	 * one; it takes every message approved until now.
	 */
	public BatchView runNow(Facility facility, PostbrugUser user) {
		requireScope(user, facility.id(), OutOfScope.Kind.FACILITY, facility.code());
		Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
		String slot = "manual-" + now + "-" + UUID.randomUUID().toString().substring(0, 8);
		return assembly.run(facility, slot, now, user.getUsername(), false, false);
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
			throw new CannotReprint("batches.cannot.not-waiting", "Batch " + batchId + " is " + batch.status()
					+ "; only a batch waiting for its printer can be sent again (reprint single letters instead)",
					batchId);
		}
		log.info("{} sends batch {} to the printer again", user.getUsername(), batchId);
		printing.print(batchId, true, false);
		return batches.batch(batchId).orElseThrow();
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
			throw new CannotReprint("batches.cannot.not-waiting-by-hand",
					"Batch " + batchId + " is " + batch.status() + " and cannot be marked printed by hand", batchId);
		}
		Facility facility = registry.facility(batch.facilityId());
		if (batch.printJob() != null) {
			PrintJob job;
			try {
				job = printers.forFacility(facility).status(batch.printJob());
			}
			catch (PrinterUnavailable ex) {
				throw new CannotReprint("batches.cannot.printer-unanswered",
						"The printer may still hold job " + batch.printJob() + " of this batch and cannot be asked ("
								+ ex.getMessage() + "); cancel the job at the printer, or try again when it answers",
						batch.printJob());
			}
			if (!job.state().done()) {
				throw new CannotReprint("batches.cannot.printer-holds-job",
						"The printer still holds " + job.detail() + "; cancel it at the printer first, or let it print",
						batch.printJob());
			}
		}
		if (!printing.printedByHand(batchId, facility, "by hand: " + user.getUsername())) {
			throw new CannotReprint("batches.cannot.changed",
					"Batch " + batchId + " changed meanwhile; reload the page", batchId);
		}
		return batches.batch(batchId).orElseThrow();
	}

	/** Batches of a facility made today in the facility's time, newest first. */
	public List<BatchView> today(Facility facility) {
		Instant midnight = clock.instant()
			.atZone(facility.zone())
			.toLocalDate()
			.atStartOfDay(facility.zone())
			.toInstant();
		return batches.since(facility.id(), midnight);
	}

	public BatchView get(long id, PostbrugUser user) {
		BatchView batch = batches.batch(id).orElseThrow(() -> new OutOfScope(OutOfScope.Kind.BATCH, id));
		requireScope(user, batch.facilityId(), OutOfScope.Kind.BATCH, id);
		return batch;
	}

	public List<BatchView.Item> items(long batchId) {
		return letters.items(batchId);
	}

	/**
	 * @throws PurgedContent when the batch's PDF was removed at the end of retention
	 */
	public Path pdf(BatchView batch) {
		Optional<Instant> purged = pdfPurgedAt(batch.id());
		if (purged.isPresent()) {
			throw new PurgedContent(PurgedContent.Kind.BATCH_PDF, batch.id(), purged.get());
		}
		return batches.pdfPath(batch.id())
			.flatMap(pdfs::local)
			.orElseThrow(() -> new CannotReprint("batches.cannot.no-pdf", "Batch " + batch.id() + " has no PDF (yet)",
					batch.id()));
	}

	/** When the batch's PDF was removed at the end of retention, if it was. */
	public Optional<Instant> pdfPurgedAt(long batchId) {
		return retention.batchPdfPurgedAt(batchId);
	}

	public List<BatchView> recent(long facilityId, int limit) {
		return batches.recent(facilityId, limit);
	}

	public Optional<LetterCopy> copy(String code) {
		return letters.copy(code);
	}

	/** The reply sheet with this (normalised) reply code, if one was printed. */
	public Optional<ReplySheet> replySheet(String replyCode) {
		return letters.replySheet(replyCode);
	}

	/**
	 * Prints one letter again under a new copy code and voids the old one, so the damaged
	 * or lost copy can no longer be scanned as delivered. The message's state does not
	 * change.
	 * @return the new copy code
	 */
	public String reprint(long letterId, PostbrugUser user) {
		LetterStore.LetterInfo letter = letters.letter(letterId)
			.orElseThrow(() -> new OutOfScope(OutOfScope.Kind.LETTER, letterId));
		requireScope(user, letter.facilityId(), OutOfScope.Kind.LETTER, letterId);
		if (letters.isForwarded(letterId)) {
			throw new CannotReprint("batches.cannot.forwarded", "Letter " + letterId
					+ " was forwarded to the facility its prisoner moved to and is printed there; it cannot be reprinted here",
					letterId);
		}
		return reprints.reprint(letter, user.getUsername());
	}

	/**
	 * Voids every copy of a printed letter whose prisoner moved to another facility, and
	 * gives its message a new letter in that facility's next batch. Runs in the caller's
	 * transaction (the scan that found the move).
	 * @return false when the letter was forwarded before
	 */
	@Transactional
	public boolean forward(LetterCopy copy, Facility to, String actor) {
		if (!letters.forward(copy.letterId(), copy.messageId(), to.id(), actor,
				clock.instant().truncatedTo(ChronoUnit.MILLIS))) {
			return false;
		}
		events.publishEvent(new LetterForwarded(copy.letterId(), copy.messageId(), copy.code(), to.code(), actor));
		return true;
	}

	/**
	 * Messages of a prisoner forwarded to their new facility and not printed there yet.
	 */
	public List<UUID> waitingForwards(long prisonerId) {
		return letters.waitingForwards(prisonerId);
	}

	/** Whether the message has a letter in a batch, printed or not yet. */
	public boolean hasLetter(UUID messageId) {
		return letters.hasLetter(messageId);
	}

	/**
	 * Letters of a facility printed before {@code printedBefore} and neither handed over,
	 * returned nor forwarded, the oldest first.
	 */
	public List<OverdueLetter> overdue(long facilityId, Instant printedBefore, int limit) {
		return letters.overdue(facilityId, printedBefore, limit);
	}

	public long overdueCount(long facilityId, Instant printedBefore) {
		return letters.overdueCount(facilityId, printedBefore);
	}

	private static void requireScope(PostbrugUser user, long facilityId, OutOfScope.Kind kind, Object id) {
		if (!user.canAct(facilityId)) {
			throw new OutOfScope(kind, id);
		}
	}

}
