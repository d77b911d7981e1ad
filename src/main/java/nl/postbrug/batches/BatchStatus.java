package nl.postbrug.batches;

import java.util.EnumSet;
import java.util.Set;

/**
 * The life of a batch, and the one table of the moves it may make. ASSEMBLING: letters
 * chosen, PDF being written. ASSEMBLED: PDF ready, not yet handed to the printer.
 * PRINTING: handed to the printer by one worker, which others leave alone. PRINTED: the
 * printer printed it, or staff printed it by hand. PRINT_FAILED: the printer refused or
 * was unreachable; tried again later.
 * <p>
 * Every change of state goes through {@code BatchStore.move}, which asks
 * {@link #canMoveTo} first and then compares and sets the state in SQL, so the table here
 * is the whole of the rules.
 */
public enum BatchStatus {

	ASSEMBLING, ASSEMBLED, PRINTING, PRINTED, PRINT_FAILED;

	public boolean canMoveTo(BatchStatus next) {
		return successors().contains(next);
	}

	public boolean isTerminal() {
		return successors().isEmpty();
	}

	/**
	 * One node works on the batch (and shows it by its heartbeat); when that node stops,
	 * another takes the batch over in this state.
	 */
	public boolean hasWorker() {
		return this == ASSEMBLING || this == PRINTING;
	}

	/** Staff may send it to the printer now, or record that they printed it by hand. */
	public boolean waitingForPrinter() {
		return this == ASSEMBLED || this == PRINT_FAILED;
	}

	/** The states a worker is on, for the queries that look for batches left behind. */
	static Set<BatchStatus> withWorker() {
		EnumSet<BatchStatus> states = EnumSet.noneOf(BatchStatus.class);
		for (BatchStatus status : values()) {
			if (status.hasWorker()) {
				states.add(status);
			}
		}
		return states;
	}

	private Set<BatchStatus> successors() {
		return switch (this) {
			case ASSEMBLING -> EnumSet.of(ASSEMBLED);
			// by hand: staff printed the downloaded PDF themselves
			case ASSEMBLED, PRINT_FAILED -> EnumSet.of(PRINTING, PRINTED);
			case PRINTING -> EnumSet.of(PRINTED, PRINT_FAILED);
			case PRINTED -> EnumSet.noneOf(BatchStatus.class);
		};
	}

}
