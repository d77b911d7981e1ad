package nl.postbrug.intake;

public class UnknownPrisoner extends RuntimeException {

	public UnknownPrisoner(String number) {
		super("No prisoner has registry number '" + number + "'");
	}

}
