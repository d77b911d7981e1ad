package nl.postbrug.registry;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A relative's requests to write to a prisoner, and the facility administrator's
 * decisions. A request for a registry number no prisoner has is kept like any other and
 * stays pending: the relative cannot tell it from one still waiting. Administrators see
 * and decide only the requests for prisoners of their own facilities; any other request
 * is, to them, one that does not exist.
 */
@Service
@Transactional
public class ApprovalRequests {

	public enum Status {

		PENDING, APPROVED, REFUSED

	}

	public enum Decision {

		APPROVE, REFUSE

	}

	/**
	 * A request as its relative sees it: what they typed and the outcome, with the
	 * administrator's reason for a refusal.
	 */
	public record MyRequest(UUID id, String prisoner, String relationship, String note, Status status, String reason,
			Instant requestedAt, Instant decidedAt) {
	}

	/** A pending request as an administrator of the prisoner's facility sees it. */
	public record Pending(UUID id, String contactName, String contactEmail, boolean contactVerified, Prisoner prisoner,
			String relationship, String note, Instant requestedAt) {
	}

	private static final RowMapper<MyRequest> MINE = (rs, n) -> new MyRequest(UUID.fromString(rs.getString("id")),
			rs.getString("registry_number"), rs.getString("relationship"), rs.getString("note"),
			Status.valueOf(rs.getString("status")), rs.getString("reason"), instant(rs.getObject("requested_at")),
			instant(rs.getObject("decided_at")));

	private final JdbcClient jdbc;

	private final Registry registry;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ApprovalRequests(JdbcClient jdbc, Registry registry, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.registry = registry;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Asks to be approved for {@code registryNumber}. The same open request asked again
	 * is answered with the first.
	 * @throws AccountRefused for a missing or malformed field
	 */
	public MyRequest request(long contactId, String registryNumber, String relationship, String note) {
		String number = registryNumber == null ? "" : registryNumber.strip();
		if (number.isEmpty()) {
			throw new AccountRefused("prisoner", "prisoner-missing");
		}
		if (number.length() > 32 || !number.matches("[A-Za-z0-9-]+")) {
			throw new AccountRefused("prisoner", "prisoner-invalid");
		}
		String kin = relationship == null ? "" : relationship.strip();
		if (kin.isEmpty()) {
			throw new AccountRefused("relationship", "relationship-missing");
		}
		if (kin.length() > 100) {
			throw new AccountRefused("relationship", "relationship-long", 100);
		}
		String text = note == null || note.isBlank() ? null : note.strip();
		if (text != null && text.length() > 1000) {
			throw new AccountRefused("note", "note-long", 1000);
		}
		Optional<MyRequest> open = jdbc
			.sql("SELECT * FROM approval_request WHERE contact_id = ? AND registry_number = ? AND status = 'PENDING'")
			.params(contactId, number)
			.query(MINE)
			.optional();
		if (open.isPresent()) {
			return open.get();
		}
		UUID id = UUID.randomUUID();
		Long prisonerId = registry.prisoner(number).map(Prisoner::id).orElse(null);
		Instant now = clock.instant();
		jdbc.sql("""
				INSERT INTO approval_request (id, contact_id, registry_number, prisoner_id, relationship, note, status,
				  requested_at)
				VALUES (?, ?, ?, ?, ?, ?, 'PENDING', ?)
				""")
			.params(id.toString(), contactId, number, prisonerId, kin, text, now.atOffset(ZoneOffset.UTC))
			.update();
		events.publishEvent(new ApprovalRequested(id, contactId, now));
		return new MyRequest(id, number, kin, text, Status.PENDING, null, now, null);
	}

	/** A relative's own requests, newest first. */
	@Transactional(readOnly = true)
	public List<MyRequest> mine(long contactId) {
		return jdbc.sql("SELECT * FROM approval_request WHERE contact_id = ? ORDER BY requested_at DESC, id")
			.param(contactId)
			.query(MINE)
			.list();
	}

	/**
	 * The pending requests for prisoners of the administrator's facilities, oldest first.
	 */
	@Transactional(readOnly = true)
	public List<Pending> pending(PostbrugUser admin) {
		record Row(UUID id, long contactId, long prisonerId, String relationship, String note, Instant at) {
		}
		List<Row> rows = jdbc.sql("""
				SELECT id, contact_id, prisoner_id, relationship, note, requested_at FROM approval_request
				WHERE status = 'PENDING' AND prisoner_id IS NOT NULL ORDER BY requested_at, id
				""")
			.query((rs, n) -> new Row(UUID.fromString(rs.getString(1)), rs.getLong(2), rs.getLong(3), rs.getString(4),
					rs.getString(5), instant(rs.getObject(6))))
			.list();
		return rows.stream().map(row -> {
			Prisoner prisoner = registry.prisoner(row.prisonerId());
			if (!admin.canAct(prisoner.facilityId())) {
				return null;
			}
			Contact contact = registry.contact(row.contactId());
			return new Pending(row.id(), contact.name(), contact.email(), contact.verified(), prisoner,
					row.relationship(), row.note(), row.at());
		}).filter(java.util.Objects::nonNull).toList();
	}

	/**
	 * Approves or refuses a pending request of one of the administrator's facilities; an
	 * approval makes the relative an approved contact of the prisoner.
	 * @throws NoSuchApprovalRequest for an unknown id, a request of another facility and
	 * one already decided
	 * @throws AccountRefused for a refusal without a reason
	 */
	public Status decide(UUID id, PostbrugUser admin, Decision decision, String reason) {
		record Row(long contactId, Long prisonerId, String status) {
		}
		Row row = jdbc.sql("SELECT contact_id, prisoner_id, status FROM approval_request WHERE id = ?")
			.param(id.toString())
			.query((rs, n) -> new Row(rs.getLong(1), (Long) rs.getObject(2, Long.class), rs.getString(3)))
			.optional()
			.orElseThrow(() -> new NoSuchApprovalRequest(id));
		if (row.prisonerId() == null || !"PENDING".equals(row.status())) {
			throw new NoSuchApprovalRequest(id);
		}
		Prisoner prisoner = registry.prisoner(row.prisonerId());
		if (!admin.canAct(prisoner.facilityId())) {
			throw new NoSuchApprovalRequest(id);
		}
		String why = reason == null || reason.isBlank() ? null : reason.strip();
		if (decision == Decision.REFUSE && why == null) {
			throw new AccountRefused("reason", "reason-missing");
		}
		if (why != null && why.length() > 1000) {
			throw new AccountRefused("reason", "reason-long", 1000);
		}
		Status status = decision == Decision.APPROVE ? Status.APPROVED : Status.REFUSED;
		Instant now = clock.instant();
		int changed = jdbc.sql("""
				UPDATE approval_request SET status = ?, reason = ?, decided_at = ?, decided_by = ?
				WHERE id = ? AND status = 'PENDING'
				""")
			.params(status.name(), why, now.atOffset(ZoneOffset.UTC), admin.getUsername(), id.toString())
			.update();
		if (changed == 0) {
			throw new NoSuchApprovalRequest(id);
		}
		if (status == Status.APPROVED && !registry.isApproved(row.contactId(), prisoner.id())) {
			jdbc.sql("INSERT INTO approval (contact_id, prisoner_id) VALUES (?, ?)")
				.params(row.contactId(), prisoner.id())
				.update();
		}
		Contact contact = registry.contact(row.contactId());
		events.publishEvent(new ApprovalDecided(id, contact.id(), contact.email(), contact.name(), prisoner.number(),
				prisoner.name(), status == Status.APPROVED, why, admin.getUsername(), now));
		return status;
	}

	private static Instant instant(Object value) {
		if (value == null) {
			return null;
		}
		if (value instanceof java.time.OffsetDateTime odt) {
			return odt.toInstant();
		}
		if (value instanceof java.sql.Timestamp ts) {
			return ts.toInstant();
		}
		throw new IllegalStateException("Not a time: " + value.getClass());
	}

}
