package nl.postbrug.intake;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import nl.postbrug.storage.ContentEncryption;

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

	private final RowMapper<MessageView> view = (rs, n) -> new MessageView(UUID.fromString(rs.getString("id")),
			Channel.valueOf(rs.getString("channel")), rs.getString("sender_email"), rs.getString("sender_name"),
			(Long) rs.getObject("contact_id", Long.class), (Long) rs.getObject("prisoner_id", Long.class),
			(Long) rs.getObject("facility_id", Long.class), subject(rs), body(rs),
			MessageStatus.valueOf(rs.getString("status")),
			ReasonColumns.read(rs.getString("reason_code"), rs.getString("reason_args")),
			rs.getObject("received_at", java.time.OffsetDateTime.class).toInstant(), rs.getInt("photo_count"),
			purgedAt(rs.getObject("content_purged_at", java.time.OffsetDateTime.class)));

	private static Instant purgedAt(java.time.OffsetDateTime at) {
		return at == null ? null : at.toInstant();
	}

	private static final String SELECT = """
			SELECT m.*, (SELECT COUNT(*) FROM message_photo p WHERE p.message_id = m.id) AS photo_count FROM message m
			""";

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final ContentEncryption encryption;

	Messages(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock, ContentEncryption encryption) {
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
		this.encryption = encryption;
	}

	private String subject(ResultSet rs) throws SQLException {
		return encryption.decryptText(rs.getString("subject"), rs.getString("subject_key"),
				StoredContent.SUBJECT.context(rs.getString("id")));
	}

	private String body(ResultSet rs) throws SQLException {
		return encryption.decryptText(rs.getString("body"), rs.getString("body_key"),
				StoredContent.BODY.context(rs.getString("id")));
	}

	public Optional<MessageView> find(UUID id) {
		return jdbc.sql(SELECT + " WHERE m.id = ?").param(id.toString()).query(view).optional();
	}

	public MessageView get(UUID id) {
		return find(id).orElseThrow(() -> new NoSuchMessage(id));
	}

	/**
	 * What intake noted about the message's mail; {@link MailNotes#NONE} for an unknown
	 * id.
	 */
	public MailNotes mailNotes(UUID id) {
		List<Reason> notTaken = jdbc
			.sql("SELECT code, args FROM message_refused_part WHERE message_id = ? ORDER BY position")
			.param(id.toString())
			.query((rs, n) -> ReasonColumns.read(rs.getString(1), rs.getString(2)))
			.list();
		return jdbc.sql(
				"SELECT refusal_code, refusal_args, no_reply_code, no_reply_args, auth_failures, sender_confirmed FROM message WHERE id = ?")
			.param(id.toString())
			.query((rs, n) -> new MailNotes(ReasonColumns.read(rs.getString(1), rs.getString(2)),
					ReasonColumns.read(rs.getString(3), rs.getString(4)), ReasonColumns.list(rs.getString(5)),
					rs.getBoolean(6), notTaken))
			.optional()
			.orElse(MailNotes.NONE);
	}

	/** The message's history as its sender may see it, oldest first. */
	public List<MessageView.Change> history(UUID id) {
		return jdbc.sql(
				"SELECT at, status, detail_code, detail_args FROM message_status_change WHERE message_id = ? ORDER BY id")
			.param(id.toString())
			.query((rs, n) -> new MessageView.Change(rs.getObject("at", java.time.OffsetDateTime.class).toInstant(),
					MessageStatus.valueOf(rs.getString("status")),
					ReasonColumns.read(rs.getString("detail_code"), rs.getString("detail_args"))))
			.list();
	}

	public List<MessageView.Photo> photos(UUID id) {
		return jdbc.sql(
				"SELECT content_type, data, data_key, position FROM message_photo WHERE message_id = ? ORDER BY position")
			.param(id.toString())
			.query((rs, n) -> new MessageView.Photo(rs.getString(1),
					encryption.decrypt(rs.getBytes(2), rs.getString(3), StoredContent.PHOTO.context(id, rs.getInt(4)))))
			.list();
	}

	/** The message's bytes as they arrived (the mail source), kept as evidence. */
	public Optional<byte[]> source(UUID id) {
		return jdbc.sql("SELECT raw, raw_key FROM message_source WHERE message_id = ?")
			.param(id.toString())
			.query((rs, n) -> encryption.decrypt(rs.getBytes(1), rs.getString(2), StoredContent.SOURCE.context(id)))
			.optional();
	}

	/** A relative's own messages, newest first. */
	public List<MessageView> sentBy(long contactId, int limit) {
		return jdbc
			.sql(SELECT + " WHERE m.contact_id = ? ORDER BY m.received_at DESC, m.id FETCH FIRST " + limit
					+ " ROWS ONLY")
			.param(contactId)
			.query(view)
			.list();
	}

	/** Messages in a state for one facility, oldest first. */
	public List<MessageView> inState(MessageStatus status, long facilityId, int limit) {
		return jdbc
			.sql(SELECT + " WHERE m.status = ? AND m.facility_id = ? ORDER BY m.received_at, m.id FETCH FIRST " + limit
					+ " ROWS ONLY")
			.params(status.name(), facilityId)
			.query(view)
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
		move(id, MessageStatus.SCREENING, SYSTEM, IntakeReason.SCREENING.with(), null, null);
	}

	/**
	 * Approves a message. The sender reads only that it was approved; the
	 * {@code internalNote} (what screening found, a screener's comment) goes to the audit
	 * log.
	 */
	@Transactional
	public void approve(UUID id, String actor, String internalNote) {
		move(id, MessageStatus.APPROVED, actor, IntakeReason.APPROVED.with(), null, internalNote);
	}

	/**
	 * Sends a message to a screener. The sender reads only that it is still being
	 * checked; the {@code internalNote} (which rules found something) goes to the audit
	 * log: a rule's name can tell a sender what the facility looks for.
	 */
	@Transactional
	public void holdForReview(UUID id, String internalNote) {
		move(id, MessageStatus.IN_REVIEW, SYSTEM, IntakeReason.IN_REVIEW.with(), null, internalNote);
	}

	/** Rejects a message; the sender is given {@code reason}, in their language. */
	@Transactional
	public void reject(UUID id, String actor, Reason reason) {
		move(id, MessageStatus.REJECTED, actor, reason, reason, null);
	}

	/**
	 * Withholds a message for security reasons. The sender sees only that it was
	 * withheld; the {@code internalReason} goes to the audit log and nowhere else.
	 */
	@Transactional
	public void withhold(UUID id, String actor, String internalReason) {
		Reason withheld = IntakeReason.WITHHELD.with();
		move(id, MessageStatus.WITHHELD, actor, withheld, withheld, internalReason);
	}

	@Transactional
	public void markPrinted(UUID id, long batchId, String facilityCode) {
		move(id, MessageStatus.PRINTED, SYSTEM, IntakeReason.PRINTED.with(batchId, facilityCode), null, null);
	}

	@Transactional
	public void markDelivered(UUID id, String actor, String copyCode) {
		move(id, MessageStatus.DELIVERED, actor, IntakeReason.DELIVERED.with(copyCode), null, null);
	}

	/**
	 * Ends a message as undeliverable: approved but not printed, or printed but not
	 * handed over, when its recipient can no longer receive it.
	 * @param reason a {@code history.returned.*} code
	 * ({@link IntakeReason#RETURNED_RELEASED}), which the sender reads in their language
	 */
	@Transactional
	public void markReturned(UUID id, String actor, Reason reason) {
		if (reason == null || !reason.code().startsWith("history.returned.")) {
			throw new IllegalArgumentException("A return needs a history.returned.* reason, not " + reason);
		}
		move(id, MessageStatus.RETURNED, actor, reason, reason, null);
	}

	/**
	 * The prisoner moved to another facility: their messages that are not printed or
	 * ended yet go with them (screened, reviewed and printed there).
	 * @return how many messages moved
	 */
	@Transactional
	public int followPrisoner(long prisonerId, long facilityId) {
		return jdbc.sql("""
				UPDATE message SET facility_id = ?, version = version + 1
				WHERE prisoner_id = ? AND status IN ('RECEIVED', 'SCREENING', 'IN_REVIEW', 'APPROVED')
				AND (facility_id IS NULL OR facility_id <> ?)
				""").params(facilityId, prisonerId, facilityId).update();
	}

	/** The approved messages of a prisoner, oldest first. */
	public List<UUID> approvedFor(long prisonerId) {
		return jdbc.sql("SELECT id FROM message WHERE prisoner_id = ? AND status = 'APPROVED' ORDER BY received_at, id")
			.param(prisonerId)
			.query((rs, n) -> UUID.fromString(rs.getString(1)))
			.list();
	}

	private void move(UUID id, MessageStatus to, String actor, Reason detail, Reason reason, String internalNote) {
		MessageView current = get(id);
		if (!current.status().canMoveTo(to)) {
			throw new IllegalTransition(id, current.status(), to);
		}
		Instant now = now();
		// The reason (rejected, withheld) is set with the state that has one and kept
		// after.
		int moved = reason == null ? jdbc
			.sql("UPDATE message SET status = ?, updated_at = ?, version = version + 1 WHERE id = ? AND status = ?")
			.params(to.name(), now.atOffset(java.time.ZoneOffset.UTC), id.toString(), current.status().name())
			.update()
				: jdbc.sql(
						"UPDATE message SET status = ?, reason_code = ?, reason_args = ?, updated_at = ?, version = version + 1 WHERE id = ? AND status = ?")
					.params(to.name(), ReasonColumns.code(reason), ReasonColumns.args(reason),
							now.atOffset(java.time.ZoneOffset.UTC), id.toString(), current.status().name())
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
	void record(UUID id, MessageStatus from, MessageStatus to, String actor, Reason detail, String internalNote,
			Instant at) {
		jdbc.sql(
				"INSERT INTO message_status_change (message_id, at, status, detail_code, detail_args) VALUES (?, ?, ?, ?, ?)")
			.params(id.toString(), at.atOffset(java.time.ZoneOffset.UTC), to.name(), ReasonColumns.code(detail),
					ReasonColumns.args(detail))
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
