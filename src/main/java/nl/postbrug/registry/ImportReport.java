package nl.postbrug.registry;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import nl.postbrug.Worded;

import org.springframework.context.MessageSource;

/**
 * What a CSV import did: rows created or updated, and every row it refused with its line
 * number and the reason. A reason is a bundle key with its values, so the page that shows
 * the report says it in the reader's language.
 */
public record ImportReport(String what, int created, int updated, List<RowProblem> problems) {

	/**
	 * @param code the key of the reason in the registry bundle, e.g.
	 * {@code import.unknown-facility}
	 * @param values what the reason names, in the order of its {@code {0}}, {@code {1}},
	 * ...
	 */
	public record RowProblem(long line, String code, List<?> values) implements Worded {

		public RowProblem {
			// Arrays.asList: a value read from a file may be null, which List.copyOf
			// refuses.
			values = Collections.unmodifiableList(Arrays.asList(values.toArray()));
		}

		public RowProblem(long line, Worded reason) {
			this(line, reason.code(), Arrays.asList(reason.arguments()));
		}

		@Override
		public Object[] arguments() {
			return values.toArray();
		}

		public String reason(MessageSource texts, Locale locale) {
			return texts.getMessage(code, arguments(), locale);
		}

		@Override
		public String toString() {
			return "line " + line + ": " + code + values;
		}

	}

	public boolean clean() {
		return problems.isEmpty();
	}

	/** The report on one line, its reasons in {@code locale}: for the log. */
	public String toString(MessageSource texts, Locale locale) {
		return summary() + (problems.isEmpty() ? ""
				: " " + problems.stream().map(p -> "line " + p.line() + ": " + p.reason(texts, locale)).toList());
	}

	@Override
	public String toString() {
		return summary() + (problems.isEmpty() ? "" : " " + problems);
	}

	private String summary() {
		return what + ": " + created + " created, " + updated + " updated, " + problems.size() + " refused";
	}

}
