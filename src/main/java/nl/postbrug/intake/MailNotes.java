package nl.postbrug.intake;

import java.util.List;

/**
 * What intake noted about a message's mail beyond its public view.
 *
 * @param refusal why intake refuses the message (too large, unreadable, too deeply
 * nested); screening rejects it with exactly this reason. {@code null} if none
 * @param noReply why nobody may be answered about this message (an automatic reply, a
 * delivery report, the system's own mail, an unreadable mail); {@code null} when the
 * sender may be told
 * @param authFailures the SPF/DKIM/DMARC verdicts that failed, as the receiving server
 * reported them ({@code spf=fail}, {@code dmarc=fail}); empty if none
 * @param senderConfirmed whether the own receiving mail server confirmed the sender (a
 * trusted pass and no failure); a mail without a trusted result is unknown, not passed
 * @param notTaken the parts of the mail (or upload) that were left out, each with its
 * reason; empty if none
 */
public record MailNotes(Reason refusal, Reason noReply, List<String> authFailures, boolean senderConfirmed,
		List<Reason> notTaken) {

	public static final MailNotes NONE = new MailNotes(null, null, List.of(), false, List.of());

	public MailNotes {
		authFailures = authFailures == null ? List.of() : List.copyOf(authFailures);
		notTaken = notTaken == null ? List.of() : List.copyOf(notTaken);
	}

	public boolean mayAnswer() {
		return noReply == null;
	}

	public boolean authenticationFailed() {
		return !authFailures.isEmpty();
	}

}
