package nl.postbrug.delivery;

/**
 * A reply or queued page that does not exist, or that the asker may not see: the same
 * answer for both, so ids cannot be probed.
 */
public class NoSuchReply extends RuntimeException {

	public NoSuchReply(Object id) {
		super("No reply or page " + id);
	}

}
