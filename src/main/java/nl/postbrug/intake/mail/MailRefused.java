package nl.postbrug.intake.mail;

import nl.postbrug.intake.Reason;

/**
 * A mail (or a part of it) that cannot be taken, with the reason: beyond a limit on its
 * bytes, headers, parts or nesting, unreadable, or without a sender.
 */
public class MailRefused extends RuntimeException {

	private final Reason reason;

	public MailRefused(Reason reason) {
		super(reason.toString());
		this.reason = reason;
	}

	public Reason reason() {
		return reason;
	}

}
