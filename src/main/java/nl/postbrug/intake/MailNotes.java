package nl.postbrug.intake;

/**
 * What intake noted about a message's mail beyond its public view: see
 * {@link NewMessage}.
 *
 * @param refusal why intake refuses the message, written for the sender, or {@code null}
 * @param noReply why the sender must not be answered, or {@code null}
 * @param authFailure SPF/DKIM/DMARC failures reported by the receiving server, or
 * {@code null}
 */
public record MailNotes(String refusal, String noReply, String authFailure) {

	public static final MailNotes NONE = new MailNotes(null, null, null);

	public boolean mayAnswer() {
		return noReply == null;
	}

}
