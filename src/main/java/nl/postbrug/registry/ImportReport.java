package nl.postbrug.registry;

import java.util.List;

/**
 * What a CSV import did: rows created or updated, and every row it refused with its line
 * number and the reason.
 */
public record ImportReport(String what, int created, int updated, List<RowProblem> problems) {

	public record RowProblem(long line, String reason) {

		@Override
		public String toString() {
			return "line " + line + ": " + reason;
		}

	}

	public boolean clean() {
		return problems.isEmpty();
	}

	@Override
	public String toString() {
		return what + ": " + created + " created, " + updated + " updated, " + problems.size() + " refused"
				+ (problems.isEmpty() ? "" : " " + problems);
	}

}
