package nl.postbrug.registry;

import java.io.Reader;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

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
		return CsvRows.each("moves", csv, COLUMNS, row -> {
			try {
				move(row, admin);
				return false;
			}
			catch (PrisonerMoves.NoSuchPrisoner | PrisonerMoves.BadMove | PrisonerMoves.CannotMove ex) {
				throw new CsvRows.RowRefused(ex.code(), ex.arguments());
			}
		});
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
