package nl.postbrug.batches.printer;

/**
 * A job at a printer: its reference there (an IPP job URI, a file), its state and what
 * the printer said about it.
 */
public record PrintJob(String ref, State state, String detail) {

	public enum State {

		/** Accepted, waiting (also held at the printer). */
		PENDING,
		/** Being printed, or stopped on the way (paper, toner). */
		PROCESSING,
		/** Printed. */
		COMPLETED,
		/** Aborted or cancelled at the printer: nothing more will come of it. */
		FAILED,
		/** The printer does not (or no longer) know the job. */
		UNKNOWN;

		/**
		 * Nothing will change any more; a job in any other state may still come out of
		 * the printer.
		 */
		public boolean done() {
			return this == COMPLETED || this == FAILED || this == UNKNOWN;
		}

	}

}
