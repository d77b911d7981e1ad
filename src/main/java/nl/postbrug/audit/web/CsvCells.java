package nl.postbrug.audit.web;

import java.util.List;

/**
 * CSV as RFC 4180 writes it (CRLF between records, a field with a comma, quote, CR or LF
 * in double quotes, quotes doubled), with one addition for spreadsheets: a cell that
 * starts with {@code = + - @}, a tab or a CR would be run as a formula, so it gets a
 * leading apostrophe; so does a cell that already starts with one, which keeps the rule
 * reversible (drop one leading apostrophe to get the value back).
 */
final class CsvCells {

	private CsvCells() {
	}

	static String record(List<String> cells) {
		StringBuilder line = new StringBuilder();
		for (int i = 0; i < cells.size(); i++) {
			if (i > 0) {
				line.append(',');
			}
			line.append(cell(cells.get(i)));
		}
		return line.append("\r\n").toString();
	}

	static String cell(String value) {
		if (value == null || value.isEmpty()) {
			return "";
		}
		String safe = switch (value.charAt(0)) {
			case '=', '+', '-', '@', '\t', '\r', '\'' -> "'" + value;
			default -> value;
		};
		if (safe.indexOf(',') < 0 && safe.indexOf('"') < 0 && safe.indexOf('\r') < 0 && safe.indexOf('\n') < 0) {
			return safe;
		}
		return '"' + safe.replace("\"", "\"\"") + '"';
	}

}
