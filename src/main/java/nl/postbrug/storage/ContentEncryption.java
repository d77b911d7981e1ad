package nl.postbrug.storage;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Encryption at rest of stored content (message texts, photos, raw mail, stored PDFs):
 * AES-256-GCM with a random 96-bit nonce and a 128-bit tag. Every ciphertext starts with
 * a small header, {@code "PBE" | version 1 | key id length | key id}, so several keys can
 * be live during a rotation. The associated data is the header plus the content's
 * <em>context</em> (its kind and row, e.g. {@code message.body:<id>}), so a ciphertext
 * copied to another row, or a header changed to another key, does not authenticate.
 * <p>
 * The caller stores the key id beside the content; a {@code null} key id means the
 * content was stored as it is (written while encryption was off, or before it existed)
 * and is given back unchanged, until the rotation job encrypts it.
 */
public final class ContentEncryption {

	private static final byte[] MAGIC = { 'P', 'B', 'E' };

	private static final byte VERSION = 1;

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private final Map<String, SecretKey> keys;

	private final String current;

	private final SecureRandom random = new SecureRandom();

	private ContentEncryption(Map<String, SecretKey> keys, String current) {
		this.keys = Map.copyOf(keys);
		this.current = current;
	}

	/**
	 * Content is written as it is; content encrypted earlier is still read with the keys
	 * given.
	 */
	public static ContentEncryption off(Map<String, SecretKey> keys) {
		return new ContentEncryption(keys, null);
	}

	/** New content is encrypted under {@code current}, one of {@code keys}. */
	public static ContentEncryption on(Map<String, SecretKey> keys, String current) {
		if (!keys.containsKey(current)) {
			throw new IllegalArgumentException("The current key '" + current + "' is not among the keys");
		}
		return new ContentEncryption(keys, current);
	}

	public boolean enabled() {
		return current != null;
	}

	/** The key new content is encrypted under; empty while encryption is off. */
	public Optional<String> currentKeyId() {
		return Optional.ofNullable(current);
	}

	/** The ids of every key content can be read with (never the keys). */
	public Set<String> keyIds() {
		return new TreeSet<>(keys.keySet());
	}

	public Sealed<byte[]> encrypt(byte[] content, String context) {
		if (current == null || content == null) {
			return new Sealed<>(content, null);
		}
		return new Sealed<>(seal(content, context, current), current);
	}

	/** Text is encrypted as UTF-8 and stored as base64. */
	public Sealed<String> encryptText(String text, String context) {
		if (current == null || text == null) {
			return new Sealed<>(text, null);
		}
		byte[] sealed = seal(text.getBytes(StandardCharsets.UTF_8), context, current);
		return new Sealed<>(Base64.getEncoder().encodeToString(sealed), current);
	}

	/**
	 * The content as it was given to {@link #encrypt}; {@code keyId} is the id stored
	 * beside it. Empty content is given back as it is: a purge may have emptied the
	 * column.
	 */
	public byte[] decrypt(byte[] stored, String keyId, String context) {
		if (keyId == null || stored == null || stored.length == 0) {
			return stored;
		}
		return open(stored, keyId, context);
	}

	public String decryptText(String stored, String keyId, String context) {
		if (keyId == null || stored == null || stored.isEmpty()) {
			return stored;
		}
		byte[] sealed;
		try {
			sealed = Base64.getDecoder().decode(stored);
		}
		catch (IllegalArgumentException ex) {
			throw new ContentUnreadable(
					context + " is marked as encrypted under key '" + keyId + "' but is not a ciphertext (not base64)");
		}
		return new String(open(sealed, keyId, context), StandardCharsets.UTF_8);
	}

	private byte[] seal(byte[] content, String context, String keyId) {
		byte[] header = header(keyId);
		byte[] nonce = new byte[NONCE_BYTES];
		random.nextBytes(nonce);
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, keys.get(keyId), new GCMParameterSpec(TAG_BITS, nonce));
			cipher.updateAAD(header);
			cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
			byte[] out = new byte[header.length + NONCE_BYTES + cipher.getOutputSize(content.length)];
			System.arraycopy(header, 0, out, 0, header.length);
			System.arraycopy(nonce, 0, out, header.length, NONCE_BYTES);
			cipher.doFinal(content, 0, content.length, out, header.length + NONCE_BYTES);
			return out;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is not available in this Java runtime", ex);
		}
	}

	private byte[] open(byte[] sealed, String keyId, String context) {
		ByteBuffer in = ByteBuffer.wrap(sealed);
		String headerKey = headerKeyId(in, context);
		if (!headerKey.equals(keyId)) {
			throw new ContentUnreadable(context + " says key '" + headerKey + "' in its header but '" + keyId
					+ "' beside it: it was changed");
		}
		SecretKey key = keys.get(keyId);
		if (key == null) {
			throw new ContentUnreadable(context + " is encrypted under key '" + keyId
					+ "', which is not configured: give it as postbrug.encryption.keys." + keyId
					+ " or as an entry of the keystore (postbrug.encryption.keystore.path)");
		}
		int headerLength = in.position();
		if (in.remaining() < NONCE_BYTES + TAG_BITS / 8) {
			throw new ContentUnreadable(context + " is too short to be a ciphertext: it was cut off");
		}
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, headerLength, NONCE_BYTES));
			cipher.updateAAD(sealed, 0, headerLength);
			cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
			int start = headerLength + NONCE_BYTES;
			return cipher.doFinal(sealed, start, sealed.length - start);
		}
		catch (AEADBadTagException ex) {
			throw new ContentUnreadable(context + " does not authenticate under key '" + keyId
					+ "': the ciphertext was changed or moved from another row, or the key configured as '" + keyId
					+ "' is not the one it was written with", ex);
		}
		catch (GeneralSecurityException ex) {
			throw new ContentUnreadable(context + " could not be decrypted under key '" + keyId + "'", ex);
		}
	}

	private static byte[] header(String keyId) {
		byte[] id = keyId.getBytes(StandardCharsets.US_ASCII);
		byte[] header = new byte[MAGIC.length + 2 + id.length];
		System.arraycopy(MAGIC, 0, header, 0, MAGIC.length);
		header[MAGIC.length] = VERSION;
		header[MAGIC.length + 1] = (byte) id.length;
		System.arraycopy(id, 0, header, MAGIC.length + 2, id.length);
		return header;
	}

	private static String headerKeyId(ByteBuffer in, String context) {
		if (in.remaining() < MAGIC.length + 2 || in.get() != MAGIC[0] || in.get() != MAGIC[1] || in.get() != MAGIC[2]) {
			throw new ContentUnreadable(context + " is marked as encrypted but has no Postbrug ciphertext header");
		}
		byte version = in.get();
		if (version != VERSION) {
			throw new ContentUnreadable(
					context + " has ciphertext version " + version + "; this version reads " + VERSION + " only");
		}
		int length = in.get() & 0xff;
		if (length == 0 || in.remaining() < length) {
			throw new ContentUnreadable(context + " has a damaged ciphertext header");
		}
		byte[] id = new byte[length];
		in.get(id);
		return new String(id, StandardCharsets.US_ASCII);
	}

}
