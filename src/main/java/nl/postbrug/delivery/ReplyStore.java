package nl.postbrug.delivery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The reply and reply_page tables. */
@Component
class ReplyStore {

	private static final String SELECT = """
			SELECT id, reply_code, message_id, letter_id, facility_id, status, received_at, received_by, decided_at
			FROM reply
			""";

	private final JdbcClient jdbc;

	ReplyStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(UUID id, String code, UUID messageId, long letterId, long facilityId, String pdfKey, Instant at,
			String by, String channel) {
		jdbc.sql("""
				INSERT INTO reply (id, reply_code, message_id, letter_id, facility_id, status, pdf_key, received_at,
				  received_by, channel, version)
				VALUES (?, ?, ?, ?, ?, 'RECEIVED', ?, ?, ?, ?, 0)
				""")
			.params(id.toString(), code, messageId.toString(), letterId, facilityId, pdfKey, utc(at), by, channel)
			.update();
	}

	Optional<ReplyView> find(UUID id) {
		return jdbc.sql(SELECT + " WHERE id = ?").param(id.toString()).query(ReplyStore::view).optional();
	}

	Optional<String> pdfKey(UUID id) {
		return jdbc.sql("SELECT pdf_key FROM reply WHERE id = ?").param(id.toString()).query(String.class).optional();
	}

	/** When the reply's scan was removed at the end of retention, if it was. */
	Optional<Instant> scanPurgedAt(UUID id) {
		return jdbc.sql("SELECT pdf_purged_at FROM reply WHERE id = ? AND pdf_purged_at IS NOT NULL")
			.param(id.toString())
			.query((rs, n) -> rs.getObject(1, java.time.OffsetDateTime.class).toInstant())
			.optional();
	}

	boolean codeUsed(String code) {
		return jdbc.sql("SELECT COUNT(*) FROM reply WHERE reply_code = ?").param(code).query(Long.class).single() > 0;
	}

	List<ReplyView> ofMessage(UUID messageId) {
		return jdbc.sql(SELECT + " WHERE message_id = ? ORDER BY received_at, id")
			.param(messageId.toString())
			.query(ReplyStore::view)
			.list();
	}

	List<ReplyView> inState(ReplyStatus status, long facilityId, int limit) {
		return jdbc.sql(SELECT + " WHERE status = ? AND facility_id = ? ORDER BY received_at, id")
			.params(status.name(), facilityId)
			.query(ReplyStore::view)
			.list()
			.stream()
			.limit(limit)
			.toList();
	}

	long count(ReplyStatus status, long facilityId) {
		return jdbc.sql("SELECT COUNT(*) FROM reply WHERE status = ? AND facility_id = ?")
			.params(status.name(), facilityId)
			.query(Long.class)
			.single();
	}

	/** Compare-and-set: false when the reply was not in {@code from} any more. */
	boolean move(UUID id, ReplyStatus from, ReplyStatus to, String by, String note, Instant at) {
		boolean decided = to.isTerminal();
		return jdbc.sql("""
				UPDATE reply SET status = ?, version = version + 1,
				  decided_at = CASE WHEN ? THEN ? ELSE decided_at END,
				  decided_by = CASE WHEN ? THEN ? ELSE decided_by END,
				  note = CASE WHEN ? THEN ? ELSE note END
				WHERE id = ? AND status = ?
				""")
			.params(to.name(), decided, utc(at), decided, by, decided, note, id.toString(), from.name())
			.update() == 1;
	}

	/** A page of the staff queue. */
	record Page(UUID id, Long facilityId, String problem, String replyCode, String imageKey, Instant receivedAt,
			String receivedBy) {
	}

	void insertPage(UUID id, Long facilityId, String problem, String code, String imageKey, Instant at, String by,
			String channel) {
		jdbc.sql(
				"""
						INSERT INTO reply_page (id, facility_id, problem, reply_code, image_key, received_at, received_by, channel)
						VALUES (?, ?, ?, ?, ?, ?, ?, ?)
						""")
			.params(id.toString(), facilityId, problem, code, imageKey, utc(at), by, channel)
			.update();
	}

	List<Page> openPages(int limit) {
		return jdbc.sql("""
				SELECT id, facility_id, problem, reply_code, image_key, received_at, received_by FROM reply_page
				WHERE settled_at IS NULL AND image_purged_at IS NULL ORDER BY received_at, id
				""").query(ReplyStore::page).list().stream().limit(limit).toList();
	}

	Optional<Page> openPage(UUID id) {
		return jdbc.sql("""
				SELECT id, facility_id, problem, reply_code, image_key, received_at, received_by FROM reply_page
				WHERE id = ? AND settled_at IS NULL AND image_purged_at IS NULL
				""").param(id.toString()).query(ReplyStore::page).optional();
	}

	boolean settlePage(UUID id, UUID replyId, String by, Instant at) {
		return jdbc
			.sql("""
					UPDATE reply_page SET settled_at = ?, settled_by = ?, reply_id = ? WHERE id = ? AND settled_at IS NULL AND image_purged_at IS NULL
					""")
			.params(utc(at), by, replyId == null ? null : replyId.toString(), id.toString())
			.update() == 1;
	}

	private static ReplyView view(ResultSet rs, int n) throws SQLException {
		var decided = rs.getObject(9, java.time.OffsetDateTime.class);
		return new ReplyView(UUID.fromString(rs.getString(1)), rs.getString(2), UUID.fromString(rs.getString(3)),
				rs.getLong(4), rs.getLong(5), ReplyStatus.valueOf(rs.getString(6)),
				rs.getObject(7, java.time.OffsetDateTime.class).toInstant(), rs.getString(8),
				decided == null ? null : decided.toInstant());
	}

	private static Page page(ResultSet rs, int n) throws SQLException {
		long facility = rs.getLong(2);
		Long facilityId = rs.wasNull() ? null : facility;
		return new Page(UUID.fromString(rs.getString(1)), facilityId, rs.getString(3), rs.getString(4), rs.getString(5),
				rs.getObject(6, java.time.OffsetDateTime.class).toInstant(), rs.getString(7));
	}

	private static java.time.OffsetDateTime utc(Instant at) {
		return at == null ? null : at.atOffset(ZoneOffset.UTC);
	}

}
