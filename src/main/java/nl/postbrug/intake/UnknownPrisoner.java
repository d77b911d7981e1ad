package nl.postbrug.intake;

/**
 * No prisoner has the registry number. Told to the sender exactly like
 * {@link ContactNotApproved}: a relative must not learn from the answer which numbers
 * exist.
 */
public class UnknownPrisoner extends ContactNotApproved {

	public UnknownPrisoner(String number) {
		super(number);
	}

}
