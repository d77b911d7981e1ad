package nl.postbrug.batches;

import java.time.Instant;

/**
 * A stored PDF, or the message a letter is made from, was removed at the end of its
 * retention period: it cannot be downloaded or reprinted any more. Not an error of the
 * service; staff are told plainly.
 */
public class PurgedContent extends RuntimeException {

	public enum Kind {

		/** A batch's PDF. */
		BATCH_PDF,
		/** A letter's message text and photos (so also any reprint). */
		LETTER

	}

	private final Kind kind;

	private final long id;

	private final Instant purgedAt;

	public PurgedContent(Kind kind, long id, Instant purgedAt) {
		super((kind == Kind.BATCH_PDF ? "The PDF of batch " : "The content of letter ") + id
				+ " was removed at the end of its retention period on " + purgedAt);
		this.kind = kind;
		this.id = id;
		this.purgedAt = purgedAt;
	}

	public Kind kind() {
		return kind;
	}

	public long id() {
		return id;
	}

	public Instant purgedAt() {
		return purgedAt;
	}

}
