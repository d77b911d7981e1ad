package nl.postbrug.registry;

/**
 * A one-time code that does not open anything: wrong, expired, used up, or for an address
 * that has none. One answer for all, so that nothing can be learned about addresses.
 */
public class CodeRefused extends RuntimeException {

	public CodeRefused() {
		super("The code is not right or no longer valid");
	}

}
