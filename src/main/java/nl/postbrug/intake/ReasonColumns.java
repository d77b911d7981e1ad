package nl.postbrug.intake;

import java.util.Arrays;
import java.util.List;

/**
 * How a {@link Reason} is stored: its code in one column, its values in another, joined
 * by the ASCII unit separator (U+001F), which a reason's values never contain.
 */
final class ReasonColumns {

	static final String SEPARATOR = "\u001F";

	private ReasonColumns() {
	}

	static String code(Reason reason) {
		return reason == null ? null : reason.code();
	}

	static String args(Reason reason) {
		return reason == null || reason.args().isEmpty() ? null : String.join(SEPARATOR, reason.args());
	}

	static Reason read(String code, String args) {
		return code == null ? null : new Reason(code, list(args));
	}

	static String list(List<String> values) {
		return values == null || values.isEmpty() ? null
				: String.join(SEPARATOR, values.stream().map(value -> value.replace(SEPARATOR, " ")).toList());
	}

	static List<String> list(String column) {
		return column == null ? List.of() : Arrays.asList(column.split(SEPARATOR, -1));
	}

}
