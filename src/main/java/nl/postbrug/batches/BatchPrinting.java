package nl.postbrug.batches;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import nl.postbrug.RetryBackOff;
import nl.postbrug.batches.printer.PrintJob;
import nl.postbrug.batches.printer.Printer;
import nl.postbrug.batches.printer.PrinterUnavailable;
import nl.postbrug.batches.printer.Printers;
import nl.postbrug.intake.MessageStatus;
import nl.postbrug.intake.Messages;
import nl.postbrug.registry.Facility;
import nl.postbrug.registry.Registry;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The last step of a batch: hands the PDF to the facility's printer, has the job followed
 * until the printer printed it, and marks batch and messages PRINTED. Any failure leaves
 * the batch PRINT_FAILED with the reason and the time of its next try
 * ({@link RetryBackOff}). Before a batch is sent again, the printer is asked about the
 * job an earlier attempt sent, so a batch the printer already has is never sent twice.
 */
@Component
class BatchPrinting {

	private static final Logger log = LoggerFactory.getLogger(BatchPrinting.class);

	private final BatchStore batches;

	private final LetterStore letters;

	private final BatchNode node;

	private final PrintJobFollower follower;

	private final Printers printers;

	private final Registry registry;

	private final Messages messages;

	private final RetryBackOff backOff;

	private final BatchSettings settings;

	private final PdfStore pdfs;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	BatchPrinting(BatchStore batches, LetterStore letters, BatchNode node, PrintJobFollower follower, Printers printers,
			Registry registry, Messages messages, BatchSettings settings, PdfStore pdfs,
			ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock) {
		this.batches = batches;
		this.letters = letters;
		this.node = node;
		this.follower = follower;
		this.printers = printers;
		this.registry = registry;
		this.messages = messages;
		this.backOff = new RetryBackOff(settings.retryInterval(), settings.maxRetryInterval());
		this.settings = settings;
		this.pdfs = pdfs;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * Prints an assembled batch, or a failed one whose retry is due (any failed one with
	 * {@code evenIfNotDue}). Only the worker that moves the batch to PRINTING prints it;
	 * for any other caller this does nothing.
	 * @param followHere follow the job to its end in this thread; otherwise (staff
	 * waiting for a page) a job the printer has not finished yet is followed in the
	 * background
	 */
	void print(long batchId, boolean evenIfNotDue, boolean followHere) {
		if (batches.startPrinting(batchId, node.id(), clock.instant(), evenIfNotDue)) {
			printClaimed(batchId, followHere);
		}
	}

	/**
	 * Prints a batch this node works on in PRINTING (moved there just now, or taken over
	 * from a node that stopped): first asks the printer about the job an earlier attempt
	 * sent (by its reference or, if that was never recorded, by its name); sends the
	 * batch only when there is no such job or the printer ended it without printing; then
	 * follows the job until it is printed.
	 */
	void printClaimed(long batchId, boolean followHere) {
		BatchView batch = batches.batch(batchId).orElseThrow();
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
				String jobName = facility.code() + "-batch-" + batchId + "-" + Math.max(1, batch.printAttempts());
				if (!batches.jobSubmitting(batchId, node.id(), printer.uri(), jobName)) {
					log.warn("Batch {} is no longer this node's to print", batchId);
					return;
				}
				job = printer.submit(pdfOf(batch), jobName);
				batches.jobState(batchId, job.ref(), job.state().name());
			}
			if (!followHere && !job.state().done()) {
				PrintJob accepted = job;
				follower.inBackground(() -> {
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

	/**
	 * Staff printed a waiting batch themselves: batch and messages become PRINTED. False
	 * when the batch was not waiting for its printer (any more).
	 */
	boolean printedByHand(long batchId, Facility facility, String by) {
		return Boolean.TRUE.equals(transactions.execute(tx -> {
			if (!batches.printedByHand(batchId, now(), by)) {
				return false;
			}
			markMessagesPrinted(batchId, facility, by);
			return true;
		}));
	}

	private void followToTheEnd(BatchView batch, Facility facility, Printer printer, PrintJob accepted) {
		long batchId = batch.id();
		try {
			PrintJob job = follower.follow(batchId, printer, accepted);
			switch (job.state()) {
				case COMPLETED -> printed(batchId, facility, job.detail());
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

	private void printed(long batchId, Facility facility, String printedTo) {
		transactions.executeWithoutResult(tx -> {
			if (!batches.printed(batchId, node.id(), now(), printedTo)) {
				log.warn("Batch {} is no longer this node's; not marking it printed here", batchId);
				return;
			}
			markMessagesPrinted(batchId, facility, printedTo);
		});
	}

	/** In the transaction that marked the batch printed. */
	private void markMessagesPrinted(long batchId, Facility facility, String printedBy) {
		for (LetterStore.LetterRow row : letters.letters(batchId)) {
			if (messages.get(row.messageId()).status() == MessageStatus.APPROVED) {
				messages.markPrinted(row.messageId(), batchId, facility.code());
			}
		}
		BatchView done = batches.batch(batchId).orElseThrow();
		events.publishEvent(new BatchPrinted(batchId, facility.code(), done.letters(), done.pages(), printedBy));
	}

	private void failed(long batchId, Facility facility, String reason) {
		log.warn("Batch {} for {} not printed: {}", batchId, facility.code(), reason);
		transactions.executeWithoutResult(tx -> {
			int attempts = batches.batch(batchId).orElseThrow().printAttempts();
			Instant next = now().plus(backOff.after(attempts));
			if (batches.printFailed(batchId, node.id(), reason, next)) {
				events.publishEvent(new BatchPrintFailed(batchId, facility.code(), reason));
			}
		});
	}

	private Path pdfOf(BatchView batch) {
		return batches.pdfPath(batch.id())
			.flatMap(pdfs::local)
			.orElseThrow(() -> new IllegalStateException("Batch " + batch.id() + " has no PDF yet"));
	}

	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

}
