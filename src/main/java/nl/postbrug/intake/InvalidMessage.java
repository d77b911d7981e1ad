package nl.postbrug.intake;

/**
 * The message itself cannot be taken: empty, too long, an attachment of the wrong kind.
 * The message says what to change.
 */
public class InvalidMessage extends RuntimeException {

	public InvalidMessage(String reason) {
		super(reason);
	}

}
