package nl.postbrug.letters;

import java.security.SecureRandom;
import java.util.Locale;

/**
 * Codes that identify one printed copy of one letter, e.g. {@code PB-7K2QX-9XMD4-R}.
 * <p>
 * Ten random symbols (50 bits) from Crockford's base32 alphabet, which leaves out I, L, O
 * and U so a code read aloud or typed from paper is not misread, then one check symbol
 * from the same alphabet. The check is the Damm algorithm over GF(32) (quasigroup
 * {@code x∘y = 2x + y}): unlike the ISO 7064 hybrid systems, which miss a few adjacent
 * transpositions, it detects every single-symbol substitution and every adjacent
 * transposition, the check symbol included.
 */
public final class CopyCodes {

	private static final String PREFIX = "PB-";

	private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

	private static final int GROUP = 5;

	private static final int RANDOM_SYMBOLS = 2 * GROUP;

	/**
	 * Length of a well-formed code: prefix, two groups, two hyphens and the check symbol.
	 */
	static final int LENGTH = PREFIX.length() + RANDOM_SYMBOLS + 2 + 1;

	private static final SecureRandom RANDOM = new SecureRandom();

	private CopyCodes() {
	}

	/** A fresh random code with its check symbol. */
	public static String newCode() {
		return newCode(PREFIX);
	}

	/**
	 * A fresh code of another kind ({@link ReplyCodes}): the same shape and check, a
	 * prefix of its own.
	 */
	static String newCode(String prefix) {
		char[] symbols = new char[RANDOM_SYMBOLS];
		for (int i = 0; i < symbols.length; i++) {
			symbols[i] = ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
		}
		String body = new String(symbols);
		int interim = checksum(body);
		char check = ALPHABET.charAt(times2(interim));
		return prefix + body.substring(0, GROUP) + "-" + body.substring(GROUP) + "-" + check;
	}

	/**
	 * Whether {@code code} has the right shape and check symbol. Lower case and
	 * surrounding whitespace are tolerated; anything else (wrong length, a letter outside
	 * the alphabet, a wrong check) is refused.
	 */
	public static boolean isWellFormed(String code) {
		return isWellFormed(code, PREFIX);
	}

	/** Whether {@code code} is a well-formed code of the kind {@code prefix} names. */
	static boolean isWellFormed(String code, String prefix) {
		if (code == null) {
			return false;
		}
		String c = normalise(code);
		if (c.length() != LENGTH || !c.startsWith(prefix) || c.charAt(prefix.length() + GROUP) != '-'
				|| c.charAt(LENGTH - 2) != '-') {
			return false;
		}
		String symbols = c.substring(prefix.length(), prefix.length() + GROUP)
				+ c.substring(prefix.length() + GROUP + 1, LENGTH - 2) + c.charAt(LENGTH - 1);
		int interim = checksum(symbols);
		return interim == 0;
	}

	/** Upper case and trimmed; does not check anything. */
	public static String normalise(String code) {
		return code.strip().toUpperCase(Locale.ROOT);
	}

	/** Damm interim over the symbols, or -1 when one is not in the alphabet. */
	private static int checksum(String symbols) {
		int interim = 0;
		for (int i = 0; i < symbols.length(); i++) {
			int value = ALPHABET.indexOf(symbols.charAt(i));
			if (value < 0) {
				return -1;
			}
			interim = times2(interim) ^ value;
		}
		return interim;
	}

	/** Multiplication by x in GF(32) with the primitive polynomial x^5 + x^2 + 1. */
	private static int times2(int a) {
		int r = a << 1;
		return (r & 0x20) != 0 ? (r ^ 0x25) : r;
	}

}
