package nl.postbrug.batches;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import nl.postbrug.intake.MessageStatus;
import nl.postbrug.letters.CopyCodes;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import static nl.postbrug.batches.BatchStore.utc;

/**
 * SQL for letters (one per message, in the batch that took it) and their printed copies
 * (one code each; a reprint voids the earlier ones).
 */
@Component
class LetterStore {

	/** A letter of a batch in print order, with its current (newest) copy code. */
	record LetterRow(long id, UUID messageId, long prisonerId, int position, String code) {
	}

	record LetterInfo(long id, UUID messageId, long prisonerId, long facilityId, long batchId, int lastCopy) {
	}

	/**
	 * An approved message without a letter yet, with what its letter is sorted by.
	 * {@code unit} is empty for a prisoner without one.
	 */
	record Claimable(UUID messageId, long prisonerId, String unit, String cell, String name, String number) {
	}

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	LetterStore(JdbcTemplate template) {
		this.jdbc = JdbcClient.create(template);
		this.batch = template;
	}

	/**
	 * The oldest {@code limit} messages of a facility that are approved, have no letter
	 * yet and were approved by the cut-off (all approved ones without a cut-off): one
	 * query, the limit applied after everything else, so messages that already have a
	 * letter (in a batch not printed yet) never take a place.
	 */
	List<Claimable> claimable(long facilityId, Instant cutoff, int limit) {
		return jdbc.sql("""
				SELECT m.id, p.id, COALESCE(u.code, ''), p.cell, p.name, p.registry_number
				FROM message m
				JOIN prisoner p ON p.id = m.prisoner_id
				LEFT JOIN unit u ON u.id = p.unit_id
				WHERE m.facility_id = :facility AND m.status = :approved
				AND NOT EXISTS (SELECT 1 FROM letter l WHERE l.message_id = m.id)
				""" + (cutoff == null ? "" : """
				AND NOT EXISTS (SELECT 1 FROM message_status_change c
				  WHERE c.message_id = m.id AND c.status = :approved AND c.at > :cutoff)
				""") + "ORDER BY m.received_at, m.id FETCH FIRST :limit ROWS ONLY")
			.param("facility", facilityId)
			.param("approved", MessageStatus.APPROVED.name())
			.param("cutoff", utc(cutoff))
			.param("limit", limit)
			.query((rs, n) -> new Claimable(UUID.fromString(rs.getString(1)), rs.getLong(2), rs.getString(3),
					rs.getString(4), rs.getString(5), rs.getString(6)))
			.list();
	}

	/**
	 * Gives each message, in this order, a letter in the batch and the letter its first
	 * copy code: a fixed number of statements however many letters.
	 */
	void insertLetters(long batchId, long facilityId, List<Claimable> inPrintOrder, Instant now) {
		List<Object[]> letters = new ArrayList<>(inPrintOrder.size());
		for (int position = 0; position < inPrintOrder.size(); position++) {
			Claimable message = inPrintOrder.get(position);
			letters.add(new Object[] { message.messageId().toString(), batchId, message.prisonerId(), facilityId,
					position });
		}
		batch.batchUpdate(
				"INSERT INTO letter (message_id, batch_id, prisoner_id, facility_id, position, pages) VALUES (?, ?, ?, ?, ?, 0)",
				letters);
		List<Object[]> copies = jdbc.sql("SELECT id FROM letter WHERE batch_id = ? ORDER BY position")
			.param(batchId)
			.query(Long.class)
			.list()
			.stream()
			.map(letterId -> new Object[] { CopyCodes.newCode(), letterId, utc(now) })
			.toList();
		batch.batchUpdate(
				"INSERT INTO letter_copy (code, letter_id, copy_no, void, created_at) VALUES (?, ?, 1, FALSE, ?)",
				copies);
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

	/** How many pages each letter took in the written batch. */
	void recordPages(List<LetterRow> rows, List<Integer> pages) {
		List<Object[]> updates = new ArrayList<>(rows.size());
		for (int i = 0; i < rows.size(); i++) {
			updates.add(new Object[] { pages.get(i), rows.get(i).id() });
		}
		batch.batchUpdate("UPDATE letter SET pages = ? WHERE id = ?", updates);
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

	/** The code of the copy in use (the newest), which a reprint voids. */
	String currentCode(long letterId) {
		return jdbc.sql("""
				SELECT c.code FROM letter_copy c WHERE c.letter_id = ?
				AND c.copy_no = (SELECT MAX(c2.copy_no) FROM letter_copy c2 WHERE c2.letter_id = c.letter_id)
				""").param(letterId).query(String.class).single();
	}

	void voidCopies(long letterId) {
		jdbc.sql("UPDATE letter_copy SET void = TRUE WHERE letter_id = ?").param(letterId).update();
	}

	void insertCopy(String code, long letterId, int copyNo, Instant now) {
		jdbc.sql("INSERT INTO letter_copy (code, letter_id, copy_no, void, created_at) VALUES (?, ?, ?, FALSE, ?)")
			.params(code, letterId, copyNo, utc(now))
			.update();
	}

	void copyPrinted(String code, String pdfPath) {
		jdbc.sql("UPDATE letter_copy SET pdf_path = ? WHERE code = ?").params(pdfPath, code).update();
	}

}
