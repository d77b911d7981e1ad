package nl.postbrug.storage;

/** The store could not take or give back content; the cause says why. */
public class StorageFailed extends RuntimeException {

	public StorageFailed(String message, Throwable cause) {
		super(message, cause);
	}

}
