package nl.postbrug.batches.printer;

/**
 * The printer could not be reached, or refused a request; the reason says which and why.
 */
public class PrinterUnavailable extends RuntimeException {

	public PrinterUnavailable(String message, Throwable cause) {
		super(message, cause);
	}

}
