package nl.postbrug.storage;

/**
 * Stored content that cannot be given back: its ciphertext was changed or moved from
 * another row, it was written under a key that is not configured (any more), or its
 * header is not ours. The message names the content and the key id, never the content.
 * Nothing is returned in its place: garbage is never passed on as a message.
 */
public class ContentUnreadable extends RuntimeException {

	public ContentUnreadable(String message) {
		super(message);
	}

	public ContentUnreadable(String message, Throwable cause) {
		super(message, cause);
	}

}
