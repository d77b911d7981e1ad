package nl.postbrug.delivery;

import java.util.UUID;

/** A reply cannot move from the state it is in to the one asked for. */
public class IllegalReplyTransition extends nl.postbrug.WordedException {

	public IllegalReplyTransition(UUID id, ReplyStatus from, ReplyStatus to) {
		super("delivery.reply.not-now", "Reply " + id + " is " + from + " and cannot become " + to, id);
	}

}
