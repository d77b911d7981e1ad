package nl.postbrug.batches;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * SQL for batches, letters and copies, kept in one place.
 */
@Component
class BatchStore {

	static final RowMapper<BatchView> BATCH = (rs, n) -> new BatchView(rs.getLong("id"), rs.getLong("facility_id"),
			rs.getString("facility_code"), rs.getString("slot"), rs.getString("code"),
			BatchStatus.valueOf(rs.getString("status")), rs.getInt("letters"), rs.getInt("pages"),
			rs.getString("failure"), instant(rs.getObject("created_at", OffsetDateTime.class)),
			instant(rs.getObject("printed_at", OffsetDateTime.class)),
			instant(rs.getObject("cutoff_at", OffsetDateTime.class)), rs.getInt("print_attempts"),
			instant(rs.getObject("next_retry_at", OffsetDateTime.class)), rs.getString("printer_uri"),
			rs.getString("print_job_name"), rs.getString("print_job"), rs.getString("print_job_state"),
			rs.getString("printed_by"), rs.getString("owner"));

	private static final String BATCH_SELECT = "SELECT b.*, f.code AS facility_code FROM batch b JOIN facility f ON f.id = b.facility_id";

	record LetterRow(long id, UUID messageId, long prisonerId, int position, String code) {
	}

	private final JdbcClient jdbc;

	BatchStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<BatchView> batch(long id) {
		return jdbc.sql(BATCH_SELECT + " WHERE b.id = ?").param(id).query(BATCH).optional();
	}

	Optional<BatchView> batch(long facilityId, String slot) {
		return jdbc.sql(BATCH_SELECT + " WHERE b.facility_id = ? AND b.slot = ?")
			.params(facilityId, slot)
			.query(BATCH)
			.optional();
	}

	List<BatchView> inStatus(BatchStatus status) {
		return jdbc.sql(BATCH_SELECT + " WHERE b.status = ? ORDER BY b.id").param(status.name()).query(BATCH).list();
	}

	/**
	 * Batches of one facility created since a moment, newest first (the postroom's
	 * "today").
	 */
	List<BatchView> since(long facilityId, Instant since) {
		return jdbc
			.sql(BATCH_SELECT + " WHERE b.facility_id = ? AND b.created_at >= ? ORDER BY b.created_at DESC, b.id DESC")
			.params(facilityId, utc(since))
			.query(BATCH)
			.list();
	}

	/**
	 * Batches being assembled or printed whose worker has shown no sign of life since
	 * {@code staleBefore} (or, with {@code otherThan}, any not worked on by that node: on
	 * a single node, everything a previous process left).
	 */
	List<BatchView> orphaned(Instant staleBefore, String otherThan) {
		String anyOther = otherThan == null ? "" : " OR b.owner <> :other";
		return jdbc
			.sql(BATCH_SELECT + " WHERE b.status IN ('ASSEMBLING', 'PRINTING')"
					+ " AND (b.owner IS NULL OR b.heartbeat_at IS NULL OR b.heartbeat_at < :stale" + anyOther
					+ ") ORDER BY b.id")
			.param("stale", utc(staleBefore))
			.param("other", otherThan)
			.query(BATCH)
			.list();
	}

	/**
	 * Makes {@code node} the worker of an unfinished batch whose worker is gone (as
	 * {@link #orphaned} decides); false when the batch is finished or its worker is still
	 * alive.
	 */
	boolean takeOver(long batchId, String node, Instant now, Instant staleBefore, String otherThan) {
		String anyOther = otherThan == null ? "" : " OR owner <> :other";
		return jdbc.sql(
				"UPDATE batch SET owner = :node, heartbeat_at = :now WHERE id = :id AND status IN ('ASSEMBLING', 'PRINTING')"
						+ " AND (owner IS NULL OR heartbeat_at IS NULL OR heartbeat_at < :stale" + anyOther + ")")
			.param("node", node)
			.param("now", utc(now))
			.param("id", batchId)
			.param("stale", utc(staleBefore))
			.param("other", otherThan)
			.update() == 1;
	}

	/**
	 * Shows that {@code node} still works on the batch; false when it is no longer its
	 * worker.
	 */
	boolean heartbeat(long batchId, String node, Instant now) {
		return jdbc.sql("UPDATE batch SET heartbeat_at = ? WHERE id = ? AND owner = ?")
			.params(utc(now), batchId, node)
			.update() == 1;
	}

	/**
	 * Takes a batch for printing: an assembled one, or a failed one that is due (or any
	 * failed one, when staff ask). False when another worker has it, it is printed
	 * already, or its retry is not due.
	 */
	boolean claimForPrinting(long batchId, String node, Instant now, boolean evenIfNotDue) {
		return jdbc
			.sql("""
					UPDATE batch SET status = 'PRINTING', owner = ?, heartbeat_at = ? WHERE id = ?
					AND (status = 'ASSEMBLED' OR (status = 'PRINT_FAILED' AND (? OR next_retry_at IS NULL OR next_retry_at <= ?)))
					""")
			.params(node, utc(now), batchId, evenIfNotDue, utc(now))
			.update() == 1;
	}

	/**
	 * Assembled batches nobody has touched since {@code staleBefore}: their worker died
	 * before printing.
	 */
	List<BatchView> assembledAndIdle(Instant staleBefore) {
		return jdbc
			.sql(BATCH_SELECT
					+ " WHERE b.status = 'ASSEMBLED' AND (b.heartbeat_at IS NULL OR b.heartbeat_at < ?) ORDER BY b.id")
			.param(utc(staleBefore))
			.query(BATCH)
			.list();
	}

	/** Failed prints whose next attempt is due. */
	List<BatchView> dueForRetry(Instant now) {
		return jdbc.sql(BATCH_SELECT
				+ " WHERE b.status = 'PRINT_FAILED' AND (b.next_retry_at IS NULL OR b.next_retry_at <= ?) ORDER BY b.id")
			.param(utc(now))
			.query(BATCH)
			.list();
	}

	/** The newest batch of each facility, for printer health. */
	List<BatchView> latestPerFacility() {
		return jdbc
			.sql(BATCH_SELECT
					+ " WHERE b.id IN (SELECT MAX(b2.id) FROM batch b2 GROUP BY b2.facility_id) ORDER BY b.facility_id")
			.query(BATCH)
			.list();
	}

	/**
	 * Records, before it is sent, which job the batch is about to become, so a crash
	 * cannot hide it.
	 */
	boolean jobSubmitting(long batchId, String node, String printerUri, String jobName) {
		return jdbc.sql("""
				UPDATE batch SET printer_uri = ?, print_job_name = ?, print_job = NULL, print_job_state = NULL,
				print_attempts = print_attempts + 1 WHERE id = ? AND owner = ? AND status = 'PRINTING'
				""").params(printerUri, jobName, batchId, node).update() == 1;
	}

	void jobState(long batchId, String job, String state) {
		jdbc.sql("UPDATE batch SET print_job = ?, print_job_state = ? WHERE id = ?")
			.params(job, state, batchId)
			.update();
	}

	List<BatchView> recent(long facilityId, int limit) {
		return jdbc
			.sql(BATCH_SELECT + " WHERE b.facility_id = ? ORDER BY b.created_at DESC, b.id DESC FETCH FIRST " + limit
					+ " ROWS ONLY")
			.param(facilityId)
			.query(BATCH)
			.list();
	}

	long insertBatch(long facilityId, String slot, String code, Instant now, Instant cutoff, String node) {
		jdbc.sql(
				"""
						INSERT INTO batch (facility_id, slot, code, status, letters, pages, created_at, cutoff_at, owner, heartbeat_at)
						VALUES (?, ?, ?, 'ASSEMBLING', 0, 0, ?, ?, ?, ?)
						""")
			.params(facilityId, slot, code, utc(now), utc(cutoff), node, utc(now))
			.update();
		return batch(facilityId, slot).orElseThrow().id();
	}

	/** Serialises batch assembly per facility across threads and nodes. */
	void lockFacility(long facilityId) {
		jdbc.sql("SELECT id FROM facility WHERE id = ? FOR UPDATE").param(facilityId).query(Long.class).single();
	}

	boolean hasLetter(UUID messageId) {
		return jdbc.sql("SELECT COUNT(*) FROM letter WHERE message_id = ?")
			.param(messageId.toString())
			.query(Integer.class)
			.single() > 0;
	}

	long insertLetter(UUID messageId, long batchId, long prisonerId, long facilityId, int position) {
		jdbc.sql(
				"INSERT INTO letter (message_id, batch_id, prisoner_id, facility_id, position, pages) VALUES (?, ?, ?, ?, ?, 0)")
			.params(messageId.toString(), batchId, prisonerId, facilityId, position)
			.update();
		return jdbc.sql("SELECT id FROM letter WHERE message_id = ?")
			.param(messageId.toString())
			.query(Long.class)
			.single();
	}

	void insertCopy(String code, long letterId, int copyNo, Instant now) {
		jdbc.sql("INSERT INTO letter_copy (code, letter_id, copy_no, void, created_at) VALUES (?, ?, ?, FALSE, ?)")
			.params(code, letterId, copyNo, now.atOffset(ZoneOffset.UTC))
			.update();
	}

	/**
	 * The letters of a batch in print order, each with its current (newest) copy code.
	 */
	List<LetterRow> letters(long batchId) {
		return jdbc.sql("""
				SELECT l.id, l.message_id, l.prisoner_id, l.position, c.code FROM letter l
				JOIN letter_copy c ON c.letter_id = l.id
				  AND c.copy_no = (SELECT MAX(c2.copy_no) FROM letter_copy c2 WHERE c2.letter_id = l.id)
				WHERE l.batch_id = ? ORDER BY l.position
				""")
			.param(batchId)
			.query((rs, n) -> new LetterRow(rs.getLong(1), UUID.fromString(rs.getString(2)), rs.getLong(3),
					rs.getInt(4), rs.getString(5)))
			.list();
	}

	/** The letters of a batch with the copy code printed in that batch (copy 1). */
	List<BatchView.Item> items(long batchId) {
		return jdbc.sql("""
				SELECT l.id, c.code, l.message_id, p.registry_number, l.pages FROM letter l
				JOIN letter_copy c ON c.letter_id = l.id AND c.copy_no = 1
				JOIN prisoner p ON p.id = l.prisoner_id
				WHERE l.batch_id = ? ORDER BY l.position
				""")
			.param(batchId)
			.query((rs, n) -> new BatchView.Item(rs.getLong(1), rs.getString(2), UUID.fromString(rs.getString(3)),
					rs.getString(4), rs.getInt(5)))
			.list();
	}

	/**
	 * Records the written PDF; false (and nothing changed) when {@code node} no longer
	 * works on the batch.
	 */
	boolean assembled(long batchId, String node, String pdfPath, int letters, int pages, List<Integer> letterPages,
			List<LetterRow> rows) {
		int updated = jdbc.sql(
				"UPDATE batch SET status = 'ASSEMBLED', pdf_path = ?, letters = ?, pages = ? WHERE id = ? AND owner = ? AND status = 'ASSEMBLING'")
			.params(pdfPath, letters, pages, batchId, node)
			.update();
		if (updated == 0) {
			return false;
		}
		for (int i = 0; i < rows.size(); i++) {
			jdbc.sql("UPDATE letter SET pages = ? WHERE id = ?").params(letterPages.get(i), rows.get(i).id()).update();
		}
		return true;
	}

	Optional<String> pdfPath(long batchId) {
		return jdbc.sql("SELECT pdf_path FROM batch WHERE id = ?")
			.param(batchId)
			.query((rs, n) -> Optional.ofNullable(rs.getString(1)))
			.optional()
			.flatMap(path -> path);
	}

	/**
	 * Marks a batch this node prints as printed; false when it is not (any more) this
	 * node's.
	 */
	boolean printed(long batchId, String node, Instant now, String printedBy) {
		return jdbc
			.sql("""
					UPDATE batch SET status = 'PRINTED', failure = NULL, next_retry_at = NULL, printed_at = ?, printed_by = ?
					WHERE id = ? AND owner = ? AND status = 'PRINTING'
					""")
			.params(utc(now), cut(printedBy, 200), batchId, node)
			.update() == 1;
	}

	/**
	 * A member of staff printed a waiting batch by hand; false when it was not waiting.
	 */
	boolean printedByHand(long batchId, Instant now, String printedBy) {
		return jdbc
			.sql("""
					UPDATE batch SET status = 'PRINTED', failure = NULL, next_retry_at = NULL, printed_at = ?, printed_by = ?
					WHERE id = ? AND status IN ('ASSEMBLED', 'PRINT_FAILED')
					""")
			.params(utc(now), cut(printedBy, 200), batchId)
			.update() == 1;
	}

	boolean printFailed(long batchId, String node, String reason, Instant nextRetry) {
		return jdbc.sql(
				"UPDATE batch SET status = 'PRINT_FAILED', failure = ?, next_retry_at = ? WHERE id = ? AND owner = ? AND status = 'PRINTING'")
			.params(cut(reason, 1000), utc(nextRetry), batchId, node)
			.update() == 1;
	}

	Optional<LetterCopy> copy(String code) {
		return jdbc.sql("""
				SELECT c.code, c.letter_id, c.copy_no, c.void, l.message_id, l.prisoner_id, l.facility_id
				FROM letter_copy c JOIN letter l ON l.id = c.letter_id WHERE c.code = ?
				""")
			.param(code)
			.query((rs, n) -> new LetterCopy(rs.getString(1), rs.getLong(2), rs.getInt(3), rs.getBoolean(4),
					UUID.fromString(rs.getString(5)), rs.getLong(6), rs.getLong(7)))
			.optional();
	}

	record LetterInfo(long id, UUID messageId, long prisonerId, long facilityId, long batchId, int lastCopy) {
	}

	Optional<LetterInfo> letter(long letterId) {
		return jdbc.sql("""
				SELECT l.id, l.message_id, l.prisoner_id, l.facility_id, l.batch_id,
				  (SELECT MAX(c.copy_no) FROM letter_copy c WHERE c.letter_id = l.id) AS last_copy
				FROM letter l WHERE l.id = ?
				""")
			.param(letterId)
			.query((rs, n) -> new LetterInfo(rs.getLong(1), UUID.fromString(rs.getString(2)), rs.getLong(3),
					rs.getLong(4), rs.getLong(5), rs.getInt(6)))
			.optional();
	}

	void voidCopies(long letterId) {
		jdbc.sql("UPDATE letter_copy SET void = TRUE WHERE letter_id = ?").param(letterId).update();
	}

	void copyPrinted(String code, String pdfPath) {
		jdbc.sql("UPDATE letter_copy SET pdf_path = ? WHERE code = ?").params(pdfPath, code).update();
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}

	private static String cut(String text, int max) {
		return text == null || text.length() <= max ? text : text.substring(0, max);
	}

	private static Instant instant(OffsetDateTime value) {
		return value == null ? null : value.toInstant();
	}

}
