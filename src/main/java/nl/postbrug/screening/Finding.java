package nl.postbrug.screening;

/**
 * Something screening noticed, with the exact text span it is about ({@code start} inclusive,
 * {@code end} exclusive, both {@code null} when the finding is about the message as a whole).
 */
public record Finding(String ruleId, Severity severity, String explanation, Integer start, Integer end) {

	public enum Severity {

		/** Worth a human look. */
		REVIEW,
		/** Breaks policy: the message is rejected without review. */
		REJECT

	}

	static Finding whole(String ruleId, Severity severity, String explanation) {
		return new Finding(ruleId, severity, explanation, null, null);
	}

}
