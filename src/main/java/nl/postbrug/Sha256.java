package nl.postbrug;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256, the one digest the service uses for content identities (mail sources, rule and
 * template versions, batch IDs) and the audit chain. Every Java runtime has it, so its
 * absence is a broken runtime, not a condition to handle.
 */
public final class Sha256 {

	private Sha256() {
	}

	/**
	 * A fresh digest to feed in parts; digests are not thread-safe, so never share one.
	 */
	public static MessageDigest digest() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("This Java runtime has no SHA-256", ex);
		}
	}

	/** The digest of {@code bytes} in lower-case hex. */
	public static String hex(byte[] bytes) {
		return HexFormat.of().formatHex(digest().digest(bytes));
	}

	/** The digest of {@code text} encoded as UTF-8, in lower-case hex. */
	public static String hex(String text) {
		return hex(text.getBytes(StandardCharsets.UTF_8));
	}

}
