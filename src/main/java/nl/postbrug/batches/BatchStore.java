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
			instant(rs.getObject("printed_at", OffsetDateTime.class)));

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
		return jdbc.sql(BATCH_SELECT + " WHERE b.facility_id = ? AND b.slot = ?").params(facilityId, slot).query(BATCH).optional();
	}

	List<BatchView> inStatus(BatchStatus status) {
		return jdbc.sql(BATCH_SELECT + " WHERE b.status = ? ORDER BY b.id").param(status.name()).query(BATCH).list();
	}

	/** Batches in a state that were created before a moment: work an earlier process left unfinished. */
	List<BatchView> inStatusCreatedBefore(BatchStatus status, Instant before) {
		return jdbc.sql(BATCH_SELECT + " WHERE b.status = ? AND b.created_at < ? ORDER BY b.id")
			.params(status.name(), before.atOffset(ZoneOffset.UTC))
			.query(BATCH)
			.list();
	}

	/** Takes a batch for printing; false when another worker has it or it is printed already. */
	boolean claimForPrinting(long batchId) {
		return jdbc.sql("UPDATE batch SET status = 'PRINTING' WHERE id = ? AND status IN ('ASSEMBLED', 'PRINT_FAILED')")
			.param(batchId)
			.update() == 1;
	}

	/** Puts a batch an interrupted process was printing back in line. */
	void releaseInterrupted(long batchId) {
		jdbc.sql("UPDATE batch SET status = 'ASSEMBLED' WHERE id = ? AND status = 'PRINTING'").param(batchId).update();
	}

	List<BatchView> recent(long facilityId, int limit) {
		return jdbc.sql(BATCH_SELECT + " WHERE b.facility_id = ? ORDER BY b.created_at DESC, b.id DESC FETCH FIRST " + limit + " ROWS ONLY")
			.param(facilityId)
			.query(BATCH)
			.list();
	}

	long insertBatch(long facilityId, String slot, String code, Instant now) {
		jdbc.sql("INSERT INTO batch (facility_id, slot, code, status, letters, pages, created_at) VALUES (?, ?, ?, 'ASSEMBLING', 0, 0, ?)")
			.params(facilityId, slot, code, now.atOffset(ZoneOffset.UTC))
			.update();
		return batch(facilityId, slot).orElseThrow().id();
	}

	/** Serialises batch assembly per facility across threads and nodes. */
	void lockFacility(long facilityId) {
		jdbc.sql("SELECT id FROM facility WHERE id = ? FOR UPDATE").param(facilityId).query(Long.class).single();
	}

	boolean hasLetter(UUID messageId) {
		return jdbc.sql("SELECT COUNT(*) FROM letter WHERE message_id = ?").param(messageId.toString()).query(Integer.class).single() > 0;
	}

	long insertLetter(UUID messageId, long batchId, long prisonerId, long facilityId, int position) {
		jdbc.sql("INSERT INTO letter (message_id, batch_id, prisoner_id, facility_id, position, pages) VALUES (?, ?, ?, ?, ?, 0)")
			.params(messageId.toString(), batchId, prisonerId, facilityId, position)
			.update();
		return jdbc.sql("SELECT id FROM letter WHERE message_id = ?").param(messageId.toString()).query(Long.class).single();
	}

	void insertCopy(String code, long letterId, int copyNo, Instant now) {
		jdbc.sql("INSERT INTO letter_copy (code, letter_id, copy_no, void, created_at) VALUES (?, ?, ?, FALSE, ?)")
			.params(code, letterId, copyNo, now.atOffset(ZoneOffset.UTC))
			.update();
	}

	/** The letters of a batch in print order, each with its current (newest) copy code. */
	List<LetterRow> letters(long batchId) {
		return jdbc.sql("""
				SELECT l.id, l.message_id, l.prisoner_id, l.position, c.code FROM letter l
				JOIN letter_copy c ON c.letter_id = l.id
				  AND c.copy_no = (SELECT MAX(c2.copy_no) FROM letter_copy c2 WHERE c2.letter_id = l.id)
				WHERE l.batch_id = ? ORDER BY l.position
				""")
			.param(batchId)
			.query((rs, n) -> new LetterRow(rs.getLong(1), UUID.fromString(rs.getString(2)), rs.getLong(3), rs.getInt(4),
					rs.getString(5)))
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

	void assembled(long batchId, String pdfPath, int letters, int pages, List<Integer> letterPages, List<LetterRow> rows) {
		for (int i = 0; i < rows.size(); i++) {
			jdbc.sql("UPDATE letter SET pages = ? WHERE id = ?").params(letterPages.get(i), rows.get(i).id()).update();
		}
		jdbc.sql("UPDATE batch SET status = 'ASSEMBLED', pdf_path = ?, letters = ?, pages = ? WHERE id = ?")
			.params(pdfPath, letters, pages, batchId)
			.update();
	}

	Optional<String> pdfPath(long batchId) {
		return jdbc.sql("SELECT pdf_path FROM batch WHERE id = ?")
			.param(batchId)
			.query((rs, n) -> Optional.ofNullable(rs.getString(1)))
			.optional()
			.flatMap(path -> path);
	}

	void printed(long batchId, Instant now) {
		jdbc.sql("UPDATE batch SET status = 'PRINTED', failure = NULL, printed_at = ? WHERE id = ?")
			.params(now.atOffset(ZoneOffset.UTC), batchId)
			.update();
	}

	void printFailed(long batchId, String reason) {
		jdbc.sql("UPDATE batch SET status = 'PRINT_FAILED', failure = ? WHERE id = ?")
			.params(reason.length() > 1000 ? reason.substring(0, 1000) : reason, batchId)
			.update();
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
			.query((rs, n) -> new LetterInfo(rs.getLong(1), UUID.fromString(rs.getString(2)), rs.getLong(3), rs.getLong(4),
					rs.getLong(5), rs.getInt(6)))
			.optional();
	}

	void voidCopies(long letterId) {
		jdbc.sql("UPDATE letter_copy SET void = TRUE WHERE letter_id = ?").param(letterId).update();
	}

	void copyPrinted(String code, String pdfPath) {
		jdbc.sql("UPDATE letter_copy SET pdf_path = ? WHERE code = ?").params(pdfPath, code).update();
	}

	private static Instant instant(OffsetDateTime value) {
		return value == null ? null : value.toInstant();
	}

}
