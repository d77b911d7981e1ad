package nl.postbrug.delivery;

/**
 * What a scan at hand-over found.
 */
public enum ScanOutcome {

	/** The letter was handed over now. */
	DELIVERED,
	/** The letter was handed over before; this copy is not handed out twice. */
	ALREADY_DELIVERED,
	/** A reprint superseded this copy: hand out the newest copy instead. */
	VOID_COPY,
	/** The letter belongs to a facility the scanning staff member does not work for. */
	WRONG_FACILITY,
	/** Not a code of ours: mistyped, damaged, or made up. */
	UNKNOWN_CODE

}
