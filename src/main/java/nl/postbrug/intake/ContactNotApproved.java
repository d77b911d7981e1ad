package nl.postbrug.intake;

/**
 * The sender may not write to this registry number (yet). A number no prisoner has gets
 * the same answer ({@link UnknownPrisoner}), so the answer never tells whether a number
 * exists.
 */
public class ContactNotApproved extends RuntimeException {

	private final String number;

	public ContactNotApproved(String number) {
		super("You cannot write to registry number " + number
				+ " yet; ask the facility to approve you as a contact first");
		this.number = number;
	}

	/** The words for the sender: {@code reason.invalid.not-approved} with the number. */
	public Reason reason() {
		return Reason.of("invalid.not-approved", number);
	}

}
