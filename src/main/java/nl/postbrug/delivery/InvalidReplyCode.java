package nl.postbrug.delivery;

/** A typed reply code that is not one: wrong shape or check symbol. */
public class InvalidReplyCode extends nl.postbrug.WordedException {

	public InvalidReplyCode(String code) {
		super("delivery.reply.invalid-code",
				"'" + code + "' is not a reply code (PR-XXXXX-XXXXX-X); check it against the sheet", code);
	}

}
