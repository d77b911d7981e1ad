package nl.postbrug.intake;

/**
 * The message itself cannot be taken: empty, too long, an attachment of the wrong kind.
 * {@link #reason()} says what to change, as a code the web layer puts into the person's
 * language.
 */
public class InvalidMessage extends RuntimeException {

	private final Reason reason;

	public InvalidMessage(Reason reason) {
		super(reason.toString());
		this.reason = reason;
	}

	/** Words kept as they are, in no particular language. */
	public InvalidMessage(String words) {
		super(words);
		this.reason = IntakeReason.LEGACY.with(words);
	}

	public Reason reason() {
		return this.reason;
	}

}
