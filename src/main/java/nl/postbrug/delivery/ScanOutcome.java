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
	UNKNOWN_CODE,
	/**
	 * The prisoner was released: the letter cannot be handed over, the message is
	 * RETURNED and its sender told. Put the paper aside for shredding.
	 */
	RETURN,
	/**
	 * The prisoner moved to another facility: this copy is void and a new one goes into
	 * that facility's next batch. Put the paper aside for shredding.
	 */
	FORWARD;

	/** Whether the scan moved the letter on (handed over, returned or forwarded). */
	public boolean settles() {
		return this == DELIVERED || this == RETURN || this == FORWARD;
	}

}
