package nl.postbrug.batches.printer;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Takes a finished PDF to paper and answers for the jobs it took. {@link #submit} returns
 * once the printer has accepted the job; {@link #status} and {@link #find} let a caller
 * check what became of an earlier job before it sends the same batch again. Every method
 * throws {@link PrinterUnavailable} when the printer cannot be reached or refuses.
 */
public interface Printer {

	/**
	 * Identifies the printer; stored with each job so a later check asks the same
	 * printer.
	 */
	String uri();

	PrintJob submit(Path pdf, String jobName);

	/**
	 * The state of a job this printer accepted earlier, {@link PrintJob.State#UNKNOWN} if
	 * it does not know it.
	 */
	PrintJob status(String job);

	/**
	 * A job of this name, for when it may have been accepted but its reference was never
	 * recorded.
	 */
	Optional<PrintJob> find(String jobName);

	/** Asks the printer how it is, without printing anything. */
	Reachability check();

	/** Whether a printer answers, and what it says about itself. */
	record Reachability(boolean reachable, String state) {
	}

}
