package nl.postbrug.batches.printer;

public class PrinterUnavailable extends RuntimeException {

	public PrinterUnavailable(String message, Throwable cause) {
		super(message, cause);
	}

}
