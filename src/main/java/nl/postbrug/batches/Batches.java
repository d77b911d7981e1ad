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
import nl.postbrug.batches.printer.PrinterUnavailable;
import nl.postbrug.batches.printer.Printers;
import nl.postbrug.intake.MessageStatus;
import nl.postbrug.intake.Messages;
import nl.postbrug.letters.CopyCodes;
import nl.postbrug.letters.LetterRendering;
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
 * Batches per facility: run one now or for a scheduled slot, look them up, reprint one letter, and
 * finish what a crash or an unreachable printer left undone.
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

	Batches(BatchAssembly assembly, BatchStore store, Registry registry, Messages messages, LetterRendering rendering,
			LetterContents contents, Printers printers, BatchSettings settings, ApplicationEventPublisher events,
			TransactionTemplate transactions, Clock clock) {
		this.assembly = assembly;
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

	/** A batch run by hand, outside the schedule: its own slot, so it never collides with one. */
	public BatchView runNow(Facility facility, PostbrugUser user) {
		requireScope(user, facility.id(), "facility " + facility.code());
		String slot = "manual-" + clock.instant().truncatedTo(ChronoUnit.MILLIS) + "-"
				+ UUID.randomUUID().toString().substring(0, 8);
		return assembly.run(facility, slot, user.getUsername());
	}

	/** The batch of a scheduled slot; running a slot again returns the batch it already made. */
	public BatchView runScheduled(Facility facility, Instant slotTime) {
		return assembly.run(facility, "scheduled-" + slotTime.truncatedTo(ChronoUnit.SECONDS), "scheduler");
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
	 * Prints one letter again under a new copy code and voids the old one, so the damaged or lost copy
	 * can no longer be scanned as delivered. The message's state does not change.
	 *
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
		RenderedLetter rendered = rendering.render(contents.of(letter.messageId(), code));
		Path pdf = settings.outputDir().resolve(facility.code()).resolve("letter-" + letterId + "-copy-" + copyNo + ".pdf");
		try {
			Files.createDirectories(pdf.getParent());
			Files.write(pdf, rendered.pdf());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		store.copyPrinted(code, pdf.toString());
		printers.forFacility(facility).print(pdf, facility.code() + "-letter-" + letterId + "-copy-" + copyNo);
		log.info("Letter {} reprinted as {}; {} is void", letterId, code, voided);
		return code;
	}

	/**
	 * Finishes what a crash left: batches claimed but not rendered, or rendered but not printed. Only
	 * batches from before this start count; newer ones belong to a run of this process still under way
	 * (a scheduled slot made up at start-up, say).
	 */
	@EventListener(ApplicationReadyEvent.class)
	public void resume(ApplicationReadyEvent ready) {
		Instant started = Instant.ofEpochMilli(ready.getApplicationContext().getStartupDate());
		for (BatchView batch : store.inStatusCreatedBefore(BatchStatus.ASSEMBLING, started)) {
			log.warn("Batch {} was interrupted while assembling; writing it again", batch.id());
			assembly.render(batch.id(), "recovery");
			assembly.print(batch.id());
		}
		for (BatchView batch : store.inStatusCreatedBefore(BatchStatus.PRINTING, started)) {
			log.warn("Batch {} was interrupted while printing; printing it again", batch.id());
			store.releaseInterrupted(batch.id());
		}
		for (BatchView batch : store.inStatusCreatedBefore(BatchStatus.ASSEMBLED, started)) {
			assembly.print(batch.id());
		}
		retryFailed();
	}

	@Scheduled(fixedDelayString = "${postbrug.batches.retry-interval:5m}", initialDelayString = "${postbrug.batches.retry-interval:5m}")
	public void retryFailed() {
		for (BatchView batch : store.inStatus(BatchStatus.PRINT_FAILED)) {
			try {
				assembly.print(batch.id());
			}
			catch (PrinterUnavailable | IllegalStateException ex) {
				log.warn("Batch {} still not printed: {}", batch.id(), ex.getMessage());
			}
		}
	}

	private static void requireScope(PostbrugUser user, long facilityId, String what) {
		if (!user.canAct(facilityId)) {
			throw new OutOfScope(what);
		}
	}

}
