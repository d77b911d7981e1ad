package nl.postbrug.intake;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The message store and its state machine. Every move is one transaction that compares
 * and sets the state (so two nodes cannot both make it), appends to the message's history
 * and publishes {@link MessageStatusChanged} for the audit log.
 */
@Service
@Transactional(readOnly = true)
public class Messages {

	static final String SYSTEM = "system";

	private static final RowMapper<MessageView> VIEW = (rs, n) -> new MessageView(UUID.fromString(rs.getString("id")),
			Channel.valueOf(rs.getString("channel")), rs.getString("sender_email"), rs.getString("sender_name"),
			(Long) rs.getObject("contact_id", Long.class), (Long) rs.getObject("prisoner_id", Long.class),
			(Long) rs.getObject("facility_id", Long.class), rs.getString("subject"), rs.getString("body"),
			MessageStatus.valueOf(rs.getString("status")), rs.getString("reason"),
			rs.getObject("received_at", java.time.OffsetDateTime.class).toInstant(), rs.getInt("photo_count"));

	private static final String SELECT = """
			SELECT m.*, (SELECT COUNT(*) FROM message_photo p WHERE p.message_id = m.id) AS photo_count FROM message m
			""";

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Messages(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	public Optional<MessageView> find(UUID id) {
		return jdbc.sql(SELECT + " WHERE m.id = ?").param(id.toString()).query(VIEW).optional();
	}

	public MessageView get(UUID id) {
		return find(id).orElseThrow(() -> new NoSuchMessage(id));
	}

	/**
	 * What intake noted about the message's mail; {@link MailNotes#NONE} for an unknown
	 * id.
	 */
	public MailNotes mailNotes(UUID id) {
		return jdbc.sql("SELECT intake_refusal, no_reply, auth_failure FROM message WHERE id = ?")
			.param(id.toString())
			.query((rs, n) -> new MailNotes(rs.getString(1), rs.getString(2), rs.getString(3)))
			.optional()
			.orElse(MailNotes.NONE);
	}

	public List<MessageView.Change> history(UUID id) {
		return jdbc.sql("SELECT at, status, detail FROM message_status_change WHERE message_id = ? ORDER BY id")
			.param(id.toString())
			.query((rs, n) -> new MessageView.Change(rs.getObject("at", java.time.OffsetDateTime.class).toInstant(),
					MessageStatus.valueOf(rs.getString("status")), rs.getString("detail")))
			.list();
	}

	public List<MessageView.Photo> photos(UUID id) {
		return jdbc.sql("SELECT content_type, data FROM message_photo WHERE message_id = ? ORDER BY position")
			.param(id.toString())
			.query((rs, n) -> new MessageView.Photo(rs.getString(1), rs.getBytes(2)))
			.list();
	}

	/** A relative's own messages, newest first. */
	public List<MessageView> sentBy(long contactId, int limit) {
		return jdbc
			.sql(SELECT + " WHERE m.contact_id = ? ORDER BY m.received_at DESC, m.id FETCH FIRST " + limit
					+ " ROWS ONLY")
			.param(contactId)
			.query(VIEW)
			.list();
	}

	/** Messages in a state for one facility, oldest first. */
	public List<MessageView> inState(MessageStatus status, long facilityId, int limit) {
		return jdbc
			.sql(SELECT + " WHERE m.status = ? AND m.facility_id = ? ORDER BY m.received_at, m.id FETCH FIRST " + limit
					+ " ROWS ONLY")
			.params(status.name(), facilityId)
			.query(VIEW)
			.list();
	}

	/**
	 * Messages from one sender address received since a moment, whatever became of them.
	 */
	public long receivedFromSince(String senderEmail, Instant since) {
		return jdbc.sql("SELECT COUNT(*) FROM message WHERE sender_email = ? AND received_at >= ?")
			.params(senderEmail, since.atOffset(java.time.ZoneOffset.UTC))
			.query(Long.class)
			.single();
	}

	/** Messages for one prisoner received since a moment, whatever became of them. */
	public long receivedForPrisonerSince(long prisonerId, Instant since) {
		return jdbc.sql("SELECT COUNT(*) FROM message WHERE prisoner_id = ? AND received_at >= ?")
			.params(prisonerId, since.atOffset(java.time.ZoneOffset.UTC))
			.query(Long.class)
			.single();
	}

	public long count(MessageStatus status, long facilityId) {
		return jdbc.sql("SELECT COUNT(*) FROM message WHERE status = ? AND facility_id = ?")
			.params(status.name(), facilityId)
			.query(Long.class)
			.single();
	}

	@Transactional
	public void startScreening(UUID id) {
		move(id, MessageStatus.SCREENING, SYSTEM, "Screening started", null, null);
	}

	@Transactional
	public void approve(UUID id, String actor, String detail) {
		move(id, MessageStatus.APPROVED, actor, detail, null, null);
	}

	@Transactional
	public void holdForReview(UUID id, String detail) {
		move(id, MessageStatus.IN_REVIEW, SYSTEM, detail, null, null);
	}

	/** Rejects a message; {@code reason} is written for the sender and shown to them. */
	@Transactional
	public void reject(UUID id, String actor, String reason) {
		move(id, MessageStatus.REJECTED, actor, "Rejected: " + reason, reason, null);
	}

	/**
	 * Withholds a message for security reasons. The sender sees only that it was
	 * withheld; the {@code internalReason} goes to the audit log and nowhere else.
	 */
	@Transactional
	public void withhold(UUID id, String actor, String internalReason) {
		move(id, MessageStatus.WITHHELD, actor, "Withheld by the facility", "Withheld by the facility", internalReason);
	}

	@Transactional
	public void markPrinted(UUID id, String detail) {
		move(id, MessageStatus.PRINTED, SYSTEM, detail, null, null);
	}

	@Transactional
	public void markDelivered(UUID id, String actor, String detail) {
		move(id, MessageStatus.DELIVERED, actor, detail, null, null);
	}

	private void move(UUID id, MessageStatus to, String actor, String detail, String reason, String internalNote) {
		MessageView current = get(id);
		if (!current.status().canMoveTo(to)) {
			throw new IllegalTransition(id, current.status(), to);
		}
		Instant now = now();
		int moved = jdbc.sql(
				"UPDATE message SET status = ?, reason = COALESCE(?, reason), updated_at = ?, version = version + 1 WHERE id = ? AND status = ?")
			.params(to.name(), reason, now.atOffset(java.time.ZoneOffset.UTC), id.toString(), current.status().name())
			.update();
		if (moved == 0) {
			throw new IllegalTransition(id, get(id).status(), to);
		}
		record(id, current.status(), to, actor, detail, internalNote, now);
	}

	/**
	 * Appends to the history and tells the listeners; also used for the first state,
	 * RECEIVED.
	 */
	void record(UUID id, MessageStatus from, MessageStatus to, String actor, String detail, String internalNote,
			Instant at) {
		jdbc.sql("INSERT INTO message_status_change (message_id, at, status, detail) VALUES (?, ?, ?, ?)")
			.params(id.toString(), at.atOffset(java.time.ZoneOffset.UTC), to.name(), detail)
			.update();
		events.publishEvent(new MessageStatusChanged(id, from, to, actor, detail, internalNote, at));
	}

	/**
	 * Timestamps are kept to the millisecond so they compare equal after a trip through
	 * any database.
	 */
	Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

}
