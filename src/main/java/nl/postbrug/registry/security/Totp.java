package nl.postbrug.registry.security;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords as RFC 6238 describes them and authenticator apps expect:
 * HMAC-SHA1, 30-second steps counted from the Unix epoch, six digits, and one step of
 * clock drift either way. A code is accepted for a step later than the last one used, so
 * a code seen over someone's shoulder cannot be used again.
 */
final class Totp {

	static final int DIGITS = 6;

	static final long STEP_SECONDS = 30;

	/** Steps of drift accepted either side of now. */
	static final int WINDOW = 1;

	private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

	private Totp() {
	}

	static long step(Instant at) {
		return Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
	}

	/** The code of one step, {@code digits} long (RFC 6238's vectors use eight). */
	static String code(byte[] secret, long step, int digits) {
		byte[] hash;
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(secret, "HmacSHA1"));
			hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA1 is part of every JDK", ex);
		}
		// dynamic truncation, RFC 4226 section 5.3
		int offset = hash[hash.length - 1] & 0x0f;
		int binary = (hash[offset] & 0x7f) << 24 | (hash[offset + 1] & 0xff) << 16 | (hash[offset + 2] & 0xff) << 8
				| hash[offset + 3] & 0xff;
		int modulo = (int) Math.pow(10, digits);
		return String.format(Locale.ROOT, "%0" + digits + "d", binary % modulo);
	}

	/**
	 * The step the code belongs to, if it is one of the steps around {@code now} and
	 * later than {@code lastUsedStep}; empty otherwise.
	 */
	static OptionalLong match(byte[] secret, String code, Instant now, long lastUsedStep) {
		String typed = code == null ? "" : code.replaceAll("[\\s-]", "");
		if (!typed.matches("\\d{" + DIGITS + "}")) {
			return OptionalLong.empty();
		}
		long current = step(now);
		OptionalLong found = OptionalLong.empty();
		for (long step = current - WINDOW; step <= current + WINDOW; step++) {
			// every candidate is computed and compared in constant time, so timing tells
			// nothing
			boolean same = MessageDigest.isEqual(code(secret, step, DIGITS).getBytes(), typed.getBytes());
			if (same && step > lastUsedStep && found.isEmpty()) {
				found = OptionalLong.of(step);
			}
		}
		return found;
	}

	static String base32(byte[] bytes) {
		StringBuilder out = new StringBuilder();
		int buffer = 0;
		int bits = 0;
		for (byte b : bytes) {
			buffer = buffer << 8 | b & 0xff;
			bits += 8;
			while (bits >= 5) {
				out.append(BASE32.charAt(buffer >> bits - 5 & 31));
				bits -= 5;
			}
		}
		if (bits > 0) {
			out.append(BASE32.charAt(buffer << 5 - bits & 31));
		}
		return out.toString();
	}

}
