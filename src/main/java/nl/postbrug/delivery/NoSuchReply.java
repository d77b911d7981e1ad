package nl.postbrug.delivery;

/**
 * A reply or queued page that does not exist, or that the asker may not see: the same
 * answer for both, so ids cannot be probed.
 */
public class NoSuchReply extends nl.postbrug.WordedException {

	public NoSuchReply(Object id) {
		super("delivery.reply.no-such", "No reply or page " + id, id);
	}

}
