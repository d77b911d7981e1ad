package nl.postbrug.letters;

/**
 * Codes printed on reply sheets, e.g. {@code PR-7K2QX-9XMD4-R}: one per letter whose
 * prisoner may answer on paper. Same alphabet, length and Damm check symbol as
 * {@link CopyCodes}, so a mistyped reply code is refused as surely as a mistyped copy
 * code; the prefix keeps the two kinds apart, so a reply sheet scanned at hand-over is
 * never taken for a letter and a letter is never taken for a reply.
 */
public final class ReplyCodes {

	private static final String PREFIX = "PR-";

	private ReplyCodes() {
	}

	public static String newCode() {
		return CopyCodes.newCode(PREFIX);
	}

	/**
	 * Whether {@code code} is a reply code with the right shape and check symbol; lower
	 * case and surrounding whitespace are tolerated.
	 */
	public static boolean isWellFormed(String code) {
		return CopyCodes.isWellFormed(code, PREFIX);
	}

	/** Upper case and trimmed; does not check anything. */
	public static String normalise(String code) {
		return CopyCodes.normalise(code);
	}

}
