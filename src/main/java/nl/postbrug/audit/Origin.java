package nl.postbrug.audit;

/**
 * Where a change came from: the channel, and for web and API requests the client's
 * network address.
 */
public record Origin(String channel, String address) {

	/** Scheduled or event-driven work of the service itself. */
	public static final Origin SYSTEM = new Origin("system", null);

	public static final Origin IMAP = new Origin("imap", null);

	public static final Origin DROP_FOLDER = new Origin("drop-folder", null);

	public static Origin web(String address) {
		return new Origin("web", address);
	}

	public static Origin api(String address) {
		return new Origin("api", address);
	}

}
