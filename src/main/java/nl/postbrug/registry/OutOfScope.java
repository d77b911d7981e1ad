package nl.postbrug.registry;

/**
 * Staff asked for something outside their facilities. Answered exactly like something
 * that does not exist, so that a user cannot learn what another facility holds.
 */
public class OutOfScope extends RuntimeException {

	public OutOfScope(String what) {
		super("There is no " + what + " in your facilities");
	}

}
