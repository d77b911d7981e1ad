package nl.postbrug.registry;

/**
 * A one-time code was made for a relative's address, to be mailed to it. The code travels
 * only to the mail: it is stored as a hash and never written to a log or the audit log.
 */
public record AccountCodeIssued(long contactId, String email, String name, AccountCodePurpose purpose, String code,
		int validMinutes) {

	@Override
	public String toString() {
		return "AccountCodeIssued[" + contactId + ", " + purpose + "]";
	}

}
