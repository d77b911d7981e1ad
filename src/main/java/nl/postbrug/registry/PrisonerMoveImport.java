package nl.postbrug.registry;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.stereotype.Service;

/**
 * Releases and transfers from a CSV file ({@code number,move,facility,unit,cell}; move is
 * {@code release} or {@code transfer}, the place is left empty for a release). Each row
 * is one move through {@link PrisonerMoves}, in its own transaction, exactly as the API
 * makes it: audited, and the post follows the prisoner or goes back. A row for a prisoner
 * outside the administrator's facilities, or one that cannot be made, is reported with
 * its line and changes nothing; the rows before and after it are made.
 */
@Service
public class PrisonerMoveImport {

	static final List<String> COLUMNS = List.of("number", "move", "facility", "unit", "cell");

	private final PrisonerMoves moves;

	private final Registry registry;

	PrisonerMoveImport(PrisonerMoves moves, Registry registry) {
		this.moves = moves;
		this.registry = registry;
	}

	/** Moves made count as updated: no prisoner is created by a move. */
	public ImportReport moves(Reader csv, PostbrugUser admin) {
		CSVFormat format = CSVFormat.RFC4180.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.setIgnoreEmptyLines(true)
			.setTrim(true)
			.get();
		int made = 0;
		List<ImportReport.RowProblem> problems = new ArrayList<>();
		try (CSVParser parser = CSVParser.builder().setReader(csv).setFormat(format).get()) {
			Set<String> missing = new LinkedHashSet<>(COLUMNS);
			missing.removeAll(new HashSet<>(parser.getHeaderNames()));
			if (!missing.isEmpty()) {
				return new ImportReport("moves", 0, 0, List.of(new ImportReport.RowProblem(1,
						"header lacks column(s) " + missing + "; expected " + String.join(",", COLUMNS))));
			}
			for (CSVRecord row : parser) {
				long line = parser.getCurrentLineNumber();
				if (!row.isConsistent()) {
					problems.add(new ImportReport.RowProblem(line,
							"has " + row.size() + " fields, the header has " + parser.getHeaderNames().size()));
					continue;
				}
				try {
					move(row, admin);
					made++;
				}
				catch (PrisonerMoves.NoSuchPrisoner | PrisonerMoves.BadMove | PrisonerMoves.CannotMove ex) {
					problems.add(new ImportReport.RowProblem(line, ex.getMessage()));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the moves CSV", ex);
		}
		catch (IllegalArgumentException | IllegalStateException ex) {
			problems.add(new ImportReport.RowProblem(-1, "the file is not valid CSV: " + ex.getMessage()));
		}
		return new ImportReport("moves", 0, made, List.copyOf(problems));
	}

	private void move(CSVRecord row, PostbrugUser admin) {
		String number = row.get("number").toUpperCase(Locale.ROOT);
		switch (row.get("move").toLowerCase(Locale.ROOT)) {
			case "release", "vrijlating" -> moves.release(number, admin);
			case "transfer", "overplaatsing" -> {
				if (alreadyThere(number, row, admin)) {
					throw new PrisonerMoves.CannotMove("moves.there-already",
							"Prisoner " + number + " is in " + row.get("facility") + " " + row.get("unit") + " "
									+ row.get("cell") + " already",
							number, row.get("facility"), row.get("unit"), row.get("cell"));
				}
				moves.transfer(number, row.get("facility"), row.get("unit"), row.get("cell"), admin);
			}
			default -> throw new PrisonerMoves.BadMove("moves.unknown-move",
					"move must be release or transfer, not '" + row.get("move") + "'", row.get("move"));
		}
	}

	/** A file imported twice moves nobody twice. */
	private boolean alreadyThere(String number, CSVRecord row, PostbrugUser admin) {
		return registry.prisoner(number)
			.filter(p -> admin.canAct(p.facilityId()) && p.status() != PrisonerStatus.RELEASED)
			.filter(p -> p.facilityCode().equalsIgnoreCase(row.get("facility"))
					&& Objects.equals(p.unit(), row.get("unit").toUpperCase(Locale.ROOT))
					&& p.cell().equals(row.get("cell")))
			.isPresent();
	}

}
