package nl.postbrug.registry;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Releases and transfers: the registry changes that move people. Only staff of the
 * prisoner's current facility may make them; each publishes an event in its transaction
 * ({@link PrisonerReleased}, {@link PrisonerTransferred}) for the audit log and for the
 * letters that must follow the prisoner or go back.
 */
@Service
public class PrisonerMoves {

	/** The prisoner does not exist, or not in the staff member's facilities. */
	public static class NoSuchPrisoner extends nl.postbrug.WordedException {

		public NoSuchPrisoner(String number) {
			super("moves.no-such-prisoner", "There is no prisoner " + number + " in your facilities", number);
		}

	}

	/** The move names something that does not exist or is not allowed. */
	public static class BadMove extends nl.postbrug.WordedException {

		public BadMove(String code, String log, Object... arguments) {
			super(code, log, arguments);
		}

	}

	/** The move cannot be made in the prisoner's present state. */
	public static class CannotMove extends nl.postbrug.WordedException {

		public CannotMove(String code, String log, Object... arguments) {
			super(code, log, arguments);
		}

	}

	private static final int MAX_CELL = 32;

	private final Registry registry;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	PrisonerMoves(Registry registry, JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
		this.registry = registry;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	public Prisoner release(String number, PostbrugUser staff) {
		Prisoner prisoner = ownPrisoner(number, staff);
		if (prisoner.status() == PrisonerStatus.RELEASED) {
			throw new CannotMove("moves.released-already", "Prisoner " + prisoner.number() + " was released already",
					prisoner.number());
		}
		int changed = jdbc.sql("UPDATE prisoner SET status = ? WHERE id = ? AND status <> ?")
			.params(PrisonerStatus.RELEASED.name(), prisoner.id(), PrisonerStatus.RELEASED.name())
			.update();
		if (changed == 0) {
			throw new CannotMove("moves.released-meanwhile",
					"Prisoner " + prisoner.number() + " was released meanwhile", prisoner.number());
		}
		events.publishEvent(new PrisonerReleased(prisoner.id(), prisoner.number(), prisoner.facilityId(),
				prisoner.facilityCode(), staff.getUsername(), now()));
		return registry.prisoner(prisoner.id());
	}

	/**
	 * @param facilityCode the facility the prisoner moves to (may be the same one: a move
	 * to another unit or cell)
	 */
	@Transactional
	public Prisoner transfer(String number, String facilityCode, String unitCode, String cell, PostbrugUser staff) {
		Prisoner prisoner = ownPrisoner(number, staff);
		if (prisoner.status() == PrisonerStatus.RELEASED) {
			throw new CannotMove("moves.released-no-transfer",
					"Prisoner " + prisoner.number() + " was released and cannot be transferred", prisoner.number());
		}
		if (isBlank(facilityCode) || isBlank(unitCode) || isBlank(cell)) {
			throw new BadMove("moves.incomplete", "facility, unit and cell are all needed, e.g. "
					+ "{\"facility\": \"PIV\", \"unit\": \"B\", \"cell\": \"B-3.04\"}");
		}
		String trimmedCell = cell.strip();
		if (trimmedCell.length() > MAX_CELL || trimmedCell.codePoints().anyMatch(Character::isISOControl)) {
			throw new BadMove("moves.cell-too-long", "cell must be at most " + MAX_CELL + " characters on one line",
					MAX_CELL);
		}
		Facility to = registry.facility(facilityCode).orElseThrow(() -> {
			String example = registry.facilities().stream().findFirst().map(Facility::code).orElse("PIA");
			return new BadMove("moves.no-such-facility", "There is no facility '" + facilityCode.strip()
					+ "'; use the code of a facility, such as " + example, facilityCode.strip(), example);
		});
		String unit = unitCode.strip().toUpperCase(Locale.ROOT);
		Long unitId = jdbc.sql("SELECT id FROM unit WHERE facility_id = ? AND code = ?")
			.params(to.id(), unit)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new BadMove("moves.no-such-unit",
					"Facility " + to.code() + " has no unit '" + unit + "'", to.code(), unit));
		jdbc.sql("UPDATE prisoner SET facility_id = ?, unit_id = ?, cell = ?, status = ? WHERE id = ?")
			.params(to.id(), unitId, trimmedCell, PrisonerStatus.ACTIVE.name(), prisoner.id())
			.update();
		events.publishEvent(new PrisonerTransferred(prisoner.id(), prisoner.number(), prisoner.facilityId(),
				prisoner.facilityCode(), to.id(), to.code(), unit, trimmedCell, staff.getUsername(), now()));
		return registry.prisoner(prisoner.id());
	}

	private Prisoner ownPrisoner(String number, PostbrugUser staff) {
		if (isBlank(number)) {
			throw new NoSuchPrisoner("''");
		}
		return registry.prisoner(number)
			.filter(p -> staff.canAct(p.facilityId()))
			.orElseThrow(() -> new NoSuchPrisoner(number.strip()));
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

}
