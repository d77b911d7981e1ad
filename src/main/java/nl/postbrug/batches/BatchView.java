package nl.postbrug.batches;

import java.time.Instant;
import java.util.UUID;

/**
 * A batch as staff and other modules see it. {@code cutoffAt}: messages approved after it
 * wait for the next batch. {@code nextRetryAt}: when a PRINT_FAILED batch is tried again.
 * {@code printJob}: the job at the printer (IPP job URI, file) with its last known state.
 * {@code printedBy}: the printer, or the member of staff who marked it printed by hand.
 */
public record BatchView(long id, long facilityId, String facility, String slot, String code, BatchStatus status,
		int letters, int pages, String failure, Instant createdAt, Instant printedAt, Instant cutoffAt,
		int printAttempts, Instant nextRetryAt, String printerUri, String printJobName, String printJob,
		String printJobState, String printedBy, String owner) {

	/**
	 * One letter in a batch, in print order; {@code code} is the copy printed in this
	 * batch.
	 */
	public record Item(long id, String code, UUID message, String prisoner, int pages) {
	}

	/** Whether staff may send it to the printer again now, or mark it printed by hand. */
	public boolean waitingForPrinter() {
		return status.waitingForPrinter();
	}

}
