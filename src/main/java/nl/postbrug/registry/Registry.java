package nl.postbrug.registry;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read access to the reference data. Every module looks facilities, prisoners and
 * contacts up here; writes go through {@link RegistryImport}.
 */
@Service
@Transactional(readOnly = true)
public class Registry {

	private static final String PRISONER_SELECT = """
			SELECT p.id, p.registry_number, p.name, p.facility_id, f.code AS facility_code, f.name AS facility_name,
			       u.code AS unit_code, p.cell, p.status
			FROM prisoner p JOIN facility f ON f.id = p.facility_id LEFT JOIN unit u ON u.id = p.unit_id
			""";

	static final RowMapper<Facility> FACILITY = (rs, n) -> new Facility(rs.getLong("id"), rs.getString("code"),
			rs.getString("name"), ZoneId.of(rs.getString("time_zone")),
			new PrinterSettings(printerType(rs.getString("code"), rs.getString("printer_type")),
					rs.getString("printer_target"), rs.getBoolean("duplex"), rs.getBoolean("greyscale_photos"),
					rs.getBoolean("reply_sheets")));

	static final RowMapper<Prisoner> PRISONER = (rs, n) -> new Prisoner(rs.getLong("id"),
			rs.getString("registry_number"), rs.getString("name"), rs.getLong("facility_id"),
			rs.getString("facility_code"), rs.getString("facility_name"), rs.getString("unit_code"),
			rs.getString("cell"), PrisonerStatus.valueOf(rs.getString("status")));

	static final RowMapper<Contact> CONTACT = (rs, n) -> new Contact(rs.getLong("id"), rs.getString("email"),
			rs.getString("name"), rs.getBoolean("verified"));

	private final JdbcClient jdbc;

	Registry(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Facility> facilities() {
		return jdbc.sql("SELECT * FROM facility ORDER BY code").query(FACILITY).list();
	}

	public Optional<Facility> facility(String code) {
		return jdbc.sql("SELECT * FROM facility WHERE code = ?")
			.param(code.trim().toUpperCase(Locale.ROOT))
			.query(FACILITY)
			.optional();
	}

	/**
	 * How many days the facility keeps what its messages said after their last state
	 * change; empty when the facility follows the service-wide default.
	 */
	public OptionalInt retentionDays(long facilityId) {
		Integer days = jdbc.sql("SELECT retention_days FROM facility WHERE id = ?")
			.param(facilityId)
			.query((rs, n) -> (Integer) rs.getObject(1, Integer.class))
			.optional()
			.orElse(null);
		return days == null ? OptionalInt.empty() : OptionalInt.of(days);
	}

	public Facility facility(long id) {
		return jdbc.sql("SELECT * FROM facility WHERE id = ?").param(id).query(FACILITY).single();
	}

	public Optional<Prisoner> prisoner(String registryNumber) {
		return jdbc.sql(PRISONER_SELECT + " WHERE p.registry_number = ?")
			.param(registryNumber.trim())
			.query(PRISONER)
			.optional();
	}

	public Prisoner prisoner(long id) {
		return jdbc.sql(PRISONER_SELECT + " WHERE p.id = ?").param(id).query(PRISONER).single();
	}

	public Optional<Contact> contact(String email) {
		return jdbc.sql("SELECT * FROM contact WHERE email = ?")
			.param(email.trim().toLowerCase(Locale.ROOT))
			.query(CONTACT)
			.optional();
	}

	public Contact contact(long id) {
		return jdbc.sql("SELECT * FROM contact WHERE id = ?").param(id).query(CONTACT).single();
	}

	public boolean isApproved(long contactId, long prisonerId) {
		return jdbc.sql("SELECT COUNT(*) FROM approval WHERE contact_id = ? AND prisoner_id = ?")
			.params(contactId, prisonerId)
			.query(Integer.class)
			.single() > 0;
	}

	/** The prisoners a contact may write to, by registry number. */
	public List<Prisoner> approvedPrisoners(long contactId) {
		return jdbc
			.sql(PRISONER_SELECT
					+ " JOIN approval a ON a.prisoner_id = p.id WHERE a.contact_id = ? ORDER BY p.registry_number")
			.param(contactId)
			.query(PRISONER)
			.list();
	}

	/** The prisoners of one facility, by registry number. */
	public List<Prisoner> prisonersOf(long facilityId) {
		return jdbc.sql(PRISONER_SELECT + " WHERE p.facility_id = ? ORDER BY p.registry_number")
			.param(facilityId)
			.query(PRISONER)
			.list();
	}

	/** The codes of a facility's units, in order. */
	public List<String> unitsOf(long facilityId) {
		return jdbc.sql("SELECT code FROM unit WHERE facility_id = ? ORDER BY code")
			.param(facilityId)
			.query(String.class)
			.list();
	}

	/** A contact with the registry number of one prisoner they are approved for. */
	public record ApprovedContact(Contact contact, String prisonerNumber, String prisonerName) {
	}

	/** The approved contacts of the prisoners of one facility, by contact name. */
	public List<ApprovedContact> contactsOf(long facilityId) {
		return jdbc.sql("""
				SELECT c.id, c.email, c.name, c.verified, p.registry_number, p.name AS prisoner_name
				FROM approval a JOIN contact c ON c.id = a.contact_id JOIN prisoner p ON p.id = a.prisoner_id
				WHERE p.facility_id = ? ORDER BY c.name, c.email, p.registry_number
				""")
			.param(facilityId)
			.query((rs, n) -> new ApprovedContact(
					new Contact(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)), rs.getString(5),
					rs.getString(6)))
			.list();
	}

	/**
	 * Only {@link RegistryImport} writes the column, and only known types; a row changed
	 * by hand to anything else is named rather than guessed at.
	 */
	private static PrinterType printerType(String facility, String type) {
		return PrinterType.named(type)
			.orElseThrow(() -> new IllegalStateException("Facility " + facility + " has printer type '" + type
					+ "' in the database; this version prints to " + PrinterType.choices()));
	}

}
