package nl.postbrug.registry;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import nl.postbrug.WordedException;

import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The one way every registry CSV file is read: a header naming at least the expected
 * columns, each row handed on by itself, and every row that cannot be taken reported with
 * its line while the others go on.
 */
final class CsvRows {

	private CsvRows() {
	}

	/**
	 * A row that cannot be taken, with the reason the report gives for its line: a key of
	 * the registry bundle and its values.
	 */
	static class RowRefused extends WordedException {

		RowRefused(String code, Object... arguments) {
			super(code, "Row refused: " + code, arguments);
		}

	}

	/**
	 * @param importRow takes one row; {@code true} when it created something,
	 * {@code false} when it changed what was there; throws {@link RowRefused} for a row
	 * it cannot take
	 */
	static ImportReport each(String what, Reader csv, List<String> columns, Function<CSVRecord, Boolean> importRow) {
		CSVFormat format = CSVFormat.RFC4180.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.setIgnoreEmptyLines(true)
			.setTrim(true)
			.get();
		int created = 0;
		int updated = 0;
		List<ImportReport.RowProblem> problems = new ArrayList<>();
		try (CSVParser parser = CSVParser.builder().setReader(csv).setFormat(format).get()) {
			Set<String> missing = new LinkedHashSet<>(columns);
			missing.removeAll(new HashSet<>(parser.getHeaderNames()));
			if (!missing.isEmpty()) {
				return new ImportReport(what, 0, 0, List.of(new ImportReport.RowProblem(1, "import.header-lacks",
						List.of(String.join(",", missing), String.join(",", columns)))));
			}
			for (CSVRecord row : parser) {
				long line = parser.getCurrentLineNumber();
				if (!row.isConsistent()) {
					problems.add(new ImportReport.RowProblem(line, "import.field-count",
							List.of(row.size(), parser.getHeaderNames().size())));
					continue;
				}
				try {
					if (importRow.apply(row)) {
						created++;
					}
					else {
						updated++;
					}
				}
				catch (RowRefused ex) {
					problems.add(new ImportReport.RowProblem(line, ex));
				}
			}
		}
		catch (UncheckedIOException ex) {
			// The parser reports a broken quote while iterating, wrapped.
			if (!(ex.getCause() instanceof CSVException broken)) {
				throw ex;
			}
			problems.add(notCsv(broken));
		}
		catch (CSVException | IllegalArgumentException | IllegalStateException ex) {
			problems.add(notCsv(ex));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the " + what + " CSV", ex);
		}
		return new ImportReport(what, created, updated, List.copyOf(problems));
	}

	/** The parser's own words name where the file breaks; the rows before it stand. */
	private static ImportReport.RowProblem notCsv(Exception ex) {
		return new ImportReport.RowProblem(-1, "import.not-csv", List.of(String.valueOf(ex.getMessage())));
	}

}
