package nl.postbrug.batches;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import nl.postbrug.batches.printer.Printers;
import nl.postbrug.registry.Facility;
import nl.postbrug.registry.PrinterSettings;
import nl.postbrug.registry.PrinterType;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rows for batch tests written straight into a migrated database: a facility of its own
 * per test (so tests can share one database), its units and prisoners, and messages in a
 * state since a moment. Also the stores and settings the batch steps are built from.
 */
final class BatchFixture {

	private static final AtomicLong NUMBERS = new AtomicLong(System.nanoTime() % 1_000_000_000L);

	final DataSource dataSource;

	final JdbcClient jdbc;

	final BatchStore batches;

	final LetterStore letters;

	final TransactionTemplate transactions;

	BatchFixture(DataSource dataSource) {
		this.dataSource = dataSource;
		this.jdbc = JdbcClient.create(dataSource);
		this.batches = new BatchStore(jdbc);
		this.letters = new LetterStore(new JdbcTemplate(dataSource));
		this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
	}

	/** A new facility with units A and B, printing as given. */
	Facility facility(PrinterType type, String target) {
		String code = "T" + Long.toString(NUMBERS.incrementAndGet(), 36).toUpperCase();
		jdbc.sql("INSERT INTO facility (code, name, time_zone, printer_type, printer_target) VALUES (?, ?, ?, ?, ?)")
			.params(code, "PI " + code, "Europe/Amsterdam", type.name(), target)
			.update();
		long id = jdbc.sql("SELECT id FROM facility WHERE code = ?").param(code).query(Long.class).single();
		for (String unit : new String[] { "A", "B" }) {
			jdbc.sql("INSERT INTO unit (facility_id, code, name) VALUES (?, ?, ?)")
				.params(id, unit, "Afdeling " + unit)
				.update();
		}
		return new Facility(id, code, "PI " + code, java.time.ZoneId.of("Europe/Amsterdam"),
				new PrinterSettings(type, target));
	}

	Facility facility() {
		return facility(PrinterType.FOLDER, "test");
	}

	/** A prisoner of the facility; {@code unit} null for none. */
	long prisoner(Facility facility, String unit, String cell, String name) {
		String number = String.valueOf(NUMBERS.incrementAndGet());
		Long unitId = unit == null ? null
				: jdbc.sql("SELECT id FROM unit WHERE facility_id = ? AND code = ?")
					.params(facility.id(), unit)
					.query(Long.class)
					.single();
		jdbc.sql(
				"INSERT INTO prisoner (registry_number, name, facility_id, unit_id, cell, status) VALUES (?, ?, ?, ?, ?, 'ACTIVE')")
			.params(number, name, facility.id(), unitId, cell)
			.update();
		return jdbc.sql("SELECT id FROM prisoner WHERE registry_number = ?").param(number).query(Long.class).single();
	}

	/**
	 * A message for the prisoner, received at {@code at} and in {@code status} since then
	 * (the history records the move).
	 */
	UUID message(Facility facility, long prisonerId, String status, Instant at) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO message (id, channel, sender_email, sender_name, prisoner_id, facility_id, body, status,
				received_at, updated_at, version) VALUES (?, 'WEB', 'anna@example.org', 'Anna', ?, ?, ?, ?, ?, ?, 0)
				""")
			.params(id.toString(), prisonerId, facility.id(), "Lieve groeten.", status, at.atOffset(ZoneOffset.UTC),
					at.atOffset(ZoneOffset.UTC))
			.update();
		jdbc.sql(
				"INSERT INTO message_status_change (message_id, at, status, detail_code) VALUES (?, ?, ?, 'history.approved')")
			.params(id.toString(), at.atOffset(ZoneOffset.UTC), status)
			.update();
		return id;
	}

	UUID approved(Facility facility, long prisonerId, Instant at) {
		return message(facility, prisonerId, "APPROVED", at);
	}

	/** Settings as in production but for the ones a test turns. */
	static BatchSettings settings(Path dir, int maxLetters, Duration retry, Duration maxRetry) {
		return new BatchSettings(dir.resolve("batches"), dir.resolve("printer"), null, null, retry, maxRetry,
				maxLetters, Duration.ofSeconds(15), Duration.ofMinutes(1), Duration.ofMillis(200),
				Duration.ofSeconds(30), "test-node",
				// generous: a loaded build machine may take seconds to answer a freshly
				// started printer
				new Printers.IppTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(30)));
	}

}
