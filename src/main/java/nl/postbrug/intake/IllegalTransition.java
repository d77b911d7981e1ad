package nl.postbrug.intake;

import java.util.UUID;

/**
 * A move the message's current state does not allow, e.g. approving a message that was
 * already rejected, or a second node making the same move first.
 */
public class IllegalTransition extends IllegalStateException {

	public IllegalTransition(UUID id, MessageStatus current, MessageStatus wanted) {
		super("Message " + id + " is " + current + " and cannot become " + wanted);
	}

}
