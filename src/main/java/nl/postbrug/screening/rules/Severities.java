package nl.postbrug.screening.rules;

import java.util.Locale;

import nl.postbrug.screening.Finding.Severity;

/**
 * Reads a severity from a rule file: {@code note}, {@code review}, {@code reject} or
 * {@code off}.
 */
final class Severities {

	private Severities() {
	}

	/**
	 * @return the severity, or {@code null} for {@code off}
	 */
	static Severity parse(RuleFile.Entry entry, String value) {
		return switch (value.strip().toLowerCase(Locale.ROOT)) {
			case "note" -> Severity.NOTE;
			case "review" -> Severity.REVIEW;
			case "reject" -> Severity.REJECT;
			case "off" -> null;
			default -> throw entry.error("'" + value + "' is not a severity; use note, review, reject or off");
		};
	}

}
