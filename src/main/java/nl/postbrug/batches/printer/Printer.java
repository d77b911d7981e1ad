package nl.postbrug.batches.printer;

import java.nio.file.Path;

/**
 * Takes a finished PDF to paper. {@link #print} returns once the printer has accepted the job and
 * throws {@link PrinterUnavailable} when it did not.
 */
public interface Printer {

	/** @return a short description of where the job went, for the audit log */
	String print(Path pdf, String jobName);

}
