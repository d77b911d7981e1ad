package nl.postbrug.intake;

import java.util.UUID;

import nl.postbrug.Worded;

import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * A move the message's current state does not allow, e.g. approving a message that was
 * already rejected, or a second node making the same move first. Told with the states'
 * words from the bundle ({@code status.*}), which never tell a sender a message is held.
 */
public class IllegalTransition extends IllegalStateException implements Worded {

	private final UUID id;

	private final MessageStatus current;

	private final MessageStatus wanted;

	public IllegalTransition(UUID id, MessageStatus current, MessageStatus wanted) {
		super("Message " + id + " is " + current + " and cannot become " + wanted);
		this.id = id;
		this.current = current;
		this.wanted = wanted;
	}

	@Override
	public String code() {
		return "problem.illegal-transition.detail";
	}

	@Override
	public Object[] arguments() {
		return new Object[] { id.toString().substring(0, 8), new DefaultMessageSourceResolvable("status." + current),
				new DefaultMessageSourceResolvable("status." + wanted) };
	}

}
