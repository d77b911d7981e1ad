package nl.postbrug.intake;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Why something happened to a message, as data: a code that names it and the values it
 * needs (a size, a limit, a file name, a registry number). Modules hand each other
 * reasons, never sentences; the words for a person come from the message bundles, in that
 * person's language (see {@link ReasonTexts}). A reason is stored as its code and its
 * values, so the history written today can be read in any language later.
 *
 * @param code what happened, e.g. {@code mail.too-large} or {@code screener.listed};
 * lower case, words joined by dots and dashes
 * @param args the values the text needs, in order; never {@code null}
 */
public record Reason(String code, List<String> args) {

	private static final Pattern CODE = Pattern.compile("[a-z0-9]+([.-][a-z0-9]+)*");

	// Values are for one line of text: control characters (the storage separator among
	// them) and line separators become spaces.
	private static final Pattern CONTROLS = Pattern.compile("[\\p{Cc}\\u2028\\u2029]");

	// So that any reason fits its columns (8192 characters for the values).
	private static final int MAX_ARG_LENGTH = 1000;

	private static final int MAX_ARGS = 8;

	public Reason {
		Objects.requireNonNull(code, "code");
		if (!CODE.matcher(code).matches() || code.length() > 100) {
			throw new IllegalArgumentException("Not a reason code: '" + code + "'");
		}
		args = args == null ? List.of() : args.stream().limit(MAX_ARGS).map(Reason::clean).toList();
	}

	/** A reason with its values, each written with {@link String#valueOf(Object)}. */
	public static Reason of(String code, Object... args) {
		return new Reason(code, Arrays.stream(args).map(String::valueOf).toList());
	}

	private static String clean(String arg) {
		if (arg == null) {
			return "";
		}
		String clean = CONTROLS.matcher(arg).replaceAll(" ");
		if (clean.length() <= MAX_ARG_LENGTH) {
			return clean;
		}
		int end = Character.isHighSurrogate(clean.charAt(MAX_ARG_LENGTH - 1)) ? MAX_ARG_LENGTH - 1 : MAX_ARG_LENGTH;
		return clean.substring(0, end);
	}

	/**
	 * Code and values for logs and the audit log: {@code mail.too-large [4100, 2048]}.
	 */
	@Override
	public String toString() {
		return args.isEmpty() ? code : code + " " + args;
	}

}
