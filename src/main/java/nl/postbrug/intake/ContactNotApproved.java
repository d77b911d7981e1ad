package nl.postbrug.intake;

public class ContactNotApproved extends RuntimeException {

	public ContactNotApproved(String number) {
		super("You are not an approved contact of prisoner " + number
				+ "; ask the facility to approve you before you write");
	}

}
