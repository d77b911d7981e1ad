package nl.postbrug.registry;

/** What a one-time code mailed to a relative opens. */
public enum AccountCodePurpose {

	/** Proves the address of a new registration and sets its password. */
	VERIFY,
	/** Sets a new password for an account whose password was forgotten. */
	RESET

}
