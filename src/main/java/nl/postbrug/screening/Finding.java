package nl.postbrug.screening;

/**
 * Something screening noticed, with the exact text span it is about ({@code start}
 * inclusive, {@code end} exclusive, both {@code null} when the finding is about the
 * message as a whole) or the photo it is about ({@code photo}, counted from 0).
 */
public record Finding(String ruleId, Severity severity, String explanation, Integer start, Integer end, Integer photo) {

	public enum Severity {

		/** Recorded for the reviewer, changes nothing on its own. */
		NOTE(1),
		/** Worth a human look. */
		REVIEW(10),
		/** Breaks policy: the message is rejected without review. */
		REJECT(100);

		private final int risk;

		Severity(int risk) {
			this.risk = risk;
		}

		/**
		 * What a finding of this severity adds to a message's risk score, which orders
		 * the review queue.
		 */
		public int risk() {
			return risk;
		}

	}

	public Finding(String ruleId, Severity severity, String explanation, Integer start, Integer end) {
		this(ruleId, severity, explanation, start, end, null);
	}

	public static Finding whole(String ruleId, Severity severity, String explanation) {
		return new Finding(ruleId, severity, explanation, null, null, null);
	}

	public static Finding inPhoto(String ruleId, Severity severity, String explanation, int photo) {
		return new Finding(ruleId, severity, explanation, null, null, photo);
	}

}
