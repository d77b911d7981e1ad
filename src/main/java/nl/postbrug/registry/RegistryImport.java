package nl.postbrug.registry;

import java.io.Reader;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports reference data from CSV files (header row, comma separated). Imports are
 * idempotent: a row whose key exists updates it. Good rows are imported; every bad row is
 * reported with its line number and reason and changes nothing.
 * <p>
 * One method per file kind, side by side on purpose: the five kinds share the row
 * reporting and must stay consistent in how a bad row is refused, which is easier to
 * review in one place than across five classes.
 */
@Service
public class RegistryImport {

	/**
	 * Password hash of an imported staff account that nobody can use until a password is
	 * set.
	 */
	public static final String LOCKED = "{locked}";

	private static final Pattern EMAIL = Pattern.compile("^[^@\\s,;<>]+@[^@\\s,;<>]+\\.[^@\\s,;<>]+$");

	private static final Pattern REGISTRY_NUMBER = Pattern.compile("^[0-9A-Z-]{4,32}$");

	// No '@': sign-in tells staff from relatives by it.
	private static final Pattern STAFF_USERNAME = Pattern.compile("^[a-z0-9._-]{2,100}$");

	private static final Pattern IPP_TARGET = Pattern.compile("^ipps?://[^/\\s:]+(:\\d{1,5})?(/\\S*)?$",
			Pattern.CASE_INSENSITIVE);

	private final JdbcClient jdbc;

	private final Registry registry;

	private final PasswordEncoder passwords;

	RegistryImport(JdbcClient jdbc, Registry registry, PasswordEncoder passwords) {
		this.jdbc = jdbc;
		this.registry = registry;
		this.passwords = passwords;
	}

	@Transactional
	public ImportReport facilities(Reader csv) {
		return each("facilities", csv, List.of("code", "name", "time_zone", "printer_type", "printer_target"), row -> {
			String code = required(row, "code").toUpperCase(Locale.ROOT);
			String name = required(row, "name");
			String zone = required(row, "time_zone");
			try {
				ZoneId.of(zone);
			}
			catch (DateTimeException ex) {
				throw new BadRow("import.unknown-time-zone", zone);
			}
			String typeName = required(row, "printer_type");
			PrinterType printerType = PrinterType.named(typeName)
				.orElseThrow(
						() -> new BadRow("import.one-of", "printer_type", choices(PrinterType.values()), typeName));
			String target = required(row, "printer_target");
			if (printerType == PrinterType.IPP && !IPP_TARGET.matcher(target).matches()) {
				throw new BadRow("import.ipp-target", target);
			}
			// Optional columns: files without them print single-sided with photos in
			// colour.
			boolean duplex = optionalBool(row, "duplex");
			boolean greyscale = optionalBool(row, "greyscale_photos");
			// Empty: the facility keeps content as long as
			// postbrug.retention.default-days.
			Integer retentionDays = optionalDays(row, "retention_days");
			boolean replySheets = optionalBool(row, "reply_sheets");
			boolean exists = registry.facility(code).isPresent();
			if (exists) {
				jdbc.sql(
						"UPDATE facility SET name = ?, time_zone = ?, printer_type = ?, printer_target = ?, duplex = ?, greyscale_photos = ?, retention_days = ?, reply_sheets = ? WHERE code = ?")
					.params(name, zone, printerType.name(), target, duplex, greyscale, retentionDays, replySheets, code)
					.update();
			}
			else {
				jdbc.sql(
						"INSERT INTO facility (code, name, time_zone, printer_type, printer_target, duplex, greyscale_photos, retention_days, reply_sheets) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
					.params(code, name, zone, printerType.name(), target, duplex, greyscale, retentionDays, replySheets)
					.update();
			}
			return !exists;
		});
	}

	@Transactional
	public ImportReport units(Reader csv) {
		return each("units", csv, List.of("facility", "code", "name"), row -> {
			Facility facility = facility(row);
			String code = required(row, "code").toUpperCase(Locale.ROOT);
			String name = required(row, "name");
			int updated = jdbc.sql("UPDATE unit SET name = ? WHERE facility_id = ? AND code = ?")
				.params(name, facility.id(), code)
				.update();
			if (updated == 0) {
				jdbc.sql("INSERT INTO unit (facility_id, code, name) VALUES (?, ?, ?)")
					.params(facility.id(), code, name)
					.update();
			}
			return updated == 0;
		});
	}

	@Transactional
	public ImportReport prisoners(Reader csv) {
		return each("prisoners", csv, List.of("number", "name", "facility", "unit", "cell", "status"), row -> {
			String number = required(row, "number").toUpperCase(Locale.ROOT);
			if (!REGISTRY_NUMBER.matcher(number).matches()) {
				throw new BadRow("import.registry-number", number);
			}
			String name = required(row, "name");
			Facility facility = facility(row);
			String unitCode = required(row, "unit").toUpperCase(Locale.ROOT);
			Long unitId = jdbc.sql("SELECT id FROM unit WHERE facility_id = ? AND code = ?")
				.params(facility.id(), unitCode)
				.query(Long.class)
				.optional()
				.orElseThrow(() -> new BadRow("import.unknown-unit", unitCode, facility.code()));
			String cell = required(row, "cell");
			PrisonerStatus status = enumValue(PrisonerStatus.class, required(row, "status"), "status");
			Optional<Prisoner> existing = registry.prisoner(number);
			existing.ifPresent(before -> refuseMove(before, facility, status));
			boolean exists = existing.isPresent();
			if (exists) {
				jdbc.sql(
						"UPDATE prisoner SET name = ?, facility_id = ?, unit_id = ?, cell = ?, status = ? WHERE registry_number = ?")
					.params(name, facility.id(), unitId, cell, status.name(), number)
					.update();
			}
			else {
				jdbc.sql(
						"INSERT INTO prisoner (registry_number, name, facility_id, unit_id, cell, status) VALUES (?, ?, ?, ?, ?, ?)")
					.params(number, name, facility.id(), unitId, cell, status.name())
					.update();
			}
			return !exists;
		});
	}

	/**
	 * A prisoner file that moves someone to another facility, or releases them, would
	 * leave their post behind: such a change goes through a moves file
	 * ({@link PrisonerMoveImport}), as the API's release and transfer do.
	 */
	private static void refuseMove(Prisoner before, Facility facility, PrisonerStatus status) {
		if (before.facilityId() != facility.id()) {
			throw new BadRow("import.transfer-in-moves-file", before.number(), before.facilityCode(), facility.code());
		}
		if (status == PrisonerStatus.RELEASED && before.status() != PrisonerStatus.RELEASED) {
			throw new BadRow("import.release-in-moves-file", before.number());
		}
	}

	/**
	 * Contacts with the prisoners they are approved for ({@code approved_for}: registry
	 * numbers separated by semicolons). The listed approvals replace the contact's
	 * previous ones.
	 */
	@Transactional
	public ImportReport contacts(Reader csv) {
		return each("contacts", csv, List.of("email", "name", "verified", "approved_for"), row -> {
			String email = required(row, "email").toLowerCase(Locale.ROOT);
			if (!EMAIL.matcher(email).matches()) {
				throw new BadRow("import.not-an-email", email);
			}
			String name = required(row, "name");
			boolean verified = bool(required(row, "verified"), "verified");
			List<Prisoner> approved = new ArrayList<>();
			for (String number : list(row.get("approved_for"))) {
				approved.add(registry.prisoner(number)
					.orElseThrow(() -> new BadRow("import.unknown-approved-prisoner", number)));
			}
			Optional<Contact> existing = registry.contact(email);
			long id;
			if (existing.isPresent()) {
				id = existing.get().id();
				jdbc.sql("UPDATE contact SET name = ?, verified = ? WHERE id = ?").params(name, verified, id).update();
				jdbc.sql("DELETE FROM approval WHERE contact_id = ?").param(id).update();
			}
			else {
				jdbc.sql("INSERT INTO contact (email, name, verified) VALUES (?, ?, ?)")
					.params(email, name, verified)
					.update();
				id = registry.contact(email).orElseThrow().id();
			}
			for (Prisoner prisoner : approved) {
				jdbc.sql("INSERT INTO approval (contact_id, prisoner_id) VALUES (?, ?)")
					.params(id, prisoner.id())
					.update();
			}
			return existing.isEmpty();
		});
	}

	/**
	 * Staff accounts ({@code roles} and {@code facilities} separated by semicolons,
	 * {@code *} for all facilities). New accounts are locked until
	 * {@link #setStaffPassword} gives them a password.
	 */
	@Transactional
	public ImportReport staff(Reader csv) {
		return each("staff", csv, List.of("username", "name", "roles", "facilities"), row -> {
			String username = required(row, "username").toLowerCase(Locale.ROOT);
			if (!STAFF_USERNAME.matcher(username).matches()) {
				throw new BadRow("import.staff-username", username);
			}
			String name = required(row, "name");
			Set<Role> roles = EnumSet.noneOf(Role.class);
			for (String role : list(required(row, "roles"))) {
				Role parsed = enumValue(Role.class, role, "role");
				if (parsed == Role.SENDER) {
					throw new BadRow("import.sender-role");
				}
				roles.add(parsed);
			}
			String facilities = required(row, "facilities");
			boolean all = facilities.equals("*");
			Set<Long> facilityIds = new LinkedHashSet<>();
			if (!all) {
				for (String code : list(facilities)) {
					facilityIds.add(registry.facility(code)
						.orElseThrow(() -> new BadRow("import.unknown-facility", code))
						.id());
				}
			}
			Optional<Long> existing = jdbc.sql("SELECT id FROM staff_user WHERE username = ?")
				.param(username)
				.query(Long.class)
				.optional();
			long id;
			if (existing.isPresent()) {
				id = existing.get();
				jdbc.sql("UPDATE staff_user SET name = ?, all_facilities = ? WHERE id = ?")
					.params(name, all, id)
					.update();
				jdbc.sql("DELETE FROM staff_role WHERE staff_user_id = ?").param(id).update();
				jdbc.sql("DELETE FROM staff_facility WHERE staff_user_id = ?").param(id).update();
			}
			else {
				jdbc.sql(
						"INSERT INTO staff_user (username, name, password_hash, all_facilities, enabled) VALUES (?, ?, ?, ?, TRUE)")
					.params(username, name, LOCKED, all)
					.update();
				id = jdbc.sql("SELECT id FROM staff_user WHERE username = ?")
					.param(username)
					.query(Long.class)
					.single();
			}
			for (Role role : roles) {
				jdbc.sql("INSERT INTO staff_role (staff_user_id, role) VALUES (?, ?)").params(id, role.name()).update();
			}
			for (Long facilityId : facilityIds) {
				jdbc.sql("INSERT INTO staff_facility (staff_user_id, facility_id) VALUES (?, ?)")
					.params(id, facilityId)
					.update();
			}
			return existing.isEmpty();
		});
	}

	@Transactional
	public void setStaffPassword(String username, String rawPassword) {
		int updated = jdbc.sql("UPDATE staff_user SET password_hash = ? WHERE username = ?")
			.params(passwords.encode(rawPassword), username.toLowerCase(Locale.ROOT))
			.update();
		if (updated == 0) {
			throw new IllegalArgumentException("No staff user '" + username + "'");
		}
	}

	@Transactional
	public void setContactPassword(String email, String rawPassword) {
		int updated = jdbc.sql("UPDATE contact SET password_hash = ? WHERE email = ?")
			.params(passwords.encode(rawPassword), email.toLowerCase(Locale.ROOT))
			.update();
		if (updated == 0) {
			throw new IllegalArgumentException("No contact '" + email + "'");
		}
	}

	/** Creates a facility administrator for all facilities unless the username exists. */
	@Transactional
	public boolean createAdministratorIfAbsent(String username, String rawPassword) {
		String name = username.toLowerCase(Locale.ROOT);
		if (jdbc.sql("SELECT COUNT(*) FROM staff_user WHERE username = ?")
			.param(name)
			.query(Integer.class)
			.single() > 0) {
			return false;
		}
		jdbc.sql(
				"INSERT INTO staff_user (username, name, password_hash, all_facilities, enabled) VALUES (?, ?, ?, TRUE, TRUE)")
			.params(name, "Administrator", passwords.encode(rawPassword))
			.update();
		long id = jdbc.sql("SELECT id FROM staff_user WHERE username = ?").param(name).query(Long.class).single();
		jdbc.sql("INSERT INTO staff_role (staff_user_id, role) VALUES (?, ?)")
			.params(id, Role.FACILITY_ADMIN.name())
			.update();
		return true;
	}

	private static ImportReport each(String what, Reader csv, List<String> columns,
			Function<CSVRecord, Boolean> importRow) {
		return CsvRows.each(what, csv, columns, importRow);
	}

	private Facility facility(CSVRecord row) {
		String code = required(row, "facility");
		return registry.facility(code).orElseThrow(() -> new BadRow("import.unknown-facility", code));
	}

	private static String required(CSVRecord row, String column) {
		String value = row.get(column);
		if (value == null || value.isBlank()) {
			throw new BadRow("import.empty", column);
		}
		if (value.length() > 500) {
			throw new BadRow("import.too-long", column);
		}
		return value.strip();
	}

	private static List<String> list(String value) {
		if (value == null || value.isBlank()) {
			return List.of();
		}
		return Arrays.stream(value.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
	}

	private static boolean optionalBool(CSVRecord row, String column) {
		if (!row.isMapped(column) || row.get(column) == null || row.get(column).isBlank()) {
			return false;
		}
		return bool(row.get(column).strip(), column);
	}

	private static Integer optionalDays(CSVRecord row, String column) {
		if (!row.isMapped(column) || row.get(column) == null || row.get(column).isBlank()) {
			return null;
		}
		String value = row.get(column).strip();
		try {
			int days = Integer.parseInt(value);
			if (days >= 1 && days <= 36500) {
				return days;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw new BadRow("import.days", column, value);
	}

	private static boolean bool(String value, String column) {
		return switch (value.toLowerCase(Locale.ROOT)) {
			case "true", "yes", "ja", "1" -> true;
			case "false", "no", "nee", "0" -> false;
			default -> throw new BadRow("import.boolean", column, value);
		};
	}

	private static <E extends Enum<E>> E enumValue(Class<E> type, String value, String column) {
		try {
			return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new BadRow("import.one-of", column, choices(type.getEnumConstants()), value);
		}
	}

	private static String choices(Enum<?>[] values) {
		return String.join(", ", Arrays.stream(values).map(Enum::name).toList());
	}

	/** A refused row: a key of the registry bundle ({@code import.*}) and its values. */
	private static final class BadRow extends CsvRows.RowRefused {

		BadRow(String code, Object... arguments) {
			super(code, arguments);
		}

	}

}
