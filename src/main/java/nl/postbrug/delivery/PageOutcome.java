package nl.postbrug.delivery;

/** What became of one scanned page of a reply upload. */
public enum PageOutcome {

	/** Stored as a reply to its message and sent to screening. */
	RECEIVED,
	/**
	 * No reply code could be read: waiting in the staff queue for the code to be typed.
	 */
	NO_CODE,
	/**
	 * A reply code of the right shape that no printed sheet carries: in the staff queue.
	 */
	UNKNOWN_CODE,
	/**
	 * The code has a reply already: refused, and in the staff queue until staff confirm
	 * it as a further page.
	 */
	CODE_USED,
	/** A reply sheet of a facility the uploader does not work for: refused, not kept. */
	WRONG_FACILITY

}
