package nl.postbrug.batches;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import nl.postbrug.intake.MessageStatus;
import nl.postbrug.letters.CopyCodes;
import nl.postbrug.letters.ReplyCodes;

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
	record LetterRow(long id, UUID messageId, long prisonerId, int position, String code, String replyCode) {
	}

	/**
	 * A letter with what a reprint needs.
	 *
	 * @param replyCode the code of the reply sheet printed after it, if one was
	 */
	record LetterInfo(long id, UUID messageId, long prisonerId, long facilityId, long batchId, int lastCopy,
			String replyCode) {
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
	 * Messages whose printed letter was forwarded to the facility their prisoner is in
	 * now and that have no letter there yet, the oldest forward first. The prisoner's
	 * present facility decides, so a prisoner moved twice gets the letter at the last.
	 */
	List<Claimable> forwarded(long facilityId, int limit) {
		if (limit <= 0) {
			return List.of();
		}
		return jdbc.sql("""
				SELECT m.id, p.id, COALESCE(u.code, ''), p.cell, p.name, p.registry_number
				FROM letter_forward f
				JOIN message m ON m.id = f.message_id
				JOIN prisoner p ON p.id = m.prisoner_id
				LEFT JOIN unit u ON u.id = p.unit_id
				WHERE f.new_letter_id IS NULL AND p.facility_id = :facility AND p.status <> 'RELEASED'
				AND m.status = :printed
				ORDER BY f.requested_at, f.letter_id FETCH FIRST :limit ROWS ONLY
				""")
			.param("facility", facilityId)
			.param("printed", MessageStatus.PRINTED.name())
			.param("limit", limit)
			.query((rs, n) -> new Claimable(UUID.fromString(rs.getString(1)), rs.getLong(2), rs.getString(3),
					rs.getString(4), rs.getString(5), rs.getString(6)))
			.list();
	}

	/** The forwards of these messages now have their new letter in the batch. */
	void forwardsClaimed(long batchId, List<UUID> messageIds) {
		batch.batchUpdate("""
				UPDATE letter_forward SET new_letter_id =
				  (SELECT l.id FROM letter l WHERE l.batch_id = ? AND l.message_id = letter_forward.message_id)
				WHERE message_id = ? AND new_letter_id IS NULL
				""", messageIds.stream().map(id -> new Object[] { batchId, id.toString() }).toList());
	}

	/**
	 * Voids every copy of the letter and puts its message in the queue of the facility
	 * the prisoner is in now. False when the letter was forwarded before.
	 */
	boolean forward(long letterId, UUID messageId, long toFacilityId, String actor, Instant now) {
		if (isForwarded(letterId)) {
			return false;
		}
		voidCopies(letterId);
		jdbc.sql("""
				INSERT INTO letter_forward (letter_id, message_id, to_facility_id, requested_by, requested_at)
				VALUES (?, ?, ?, ?, ?)
				""").params(letterId, messageId.toString(), toFacilityId, actor, utc(now)).update();
		return true;
	}

	boolean isForwarded(long letterId) {
		return jdbc.sql("SELECT COUNT(*) FROM letter_forward WHERE letter_id = ?")
			.param(letterId)
			.query(Long.class)
			.single() > 0;
	}

	/** Messages of the prisoner forwarded and waiting for their new letter. */
	List<UUID> waitingForwards(long prisonerId) {
		return jdbc.sql("""
				SELECT f.message_id FROM letter_forward f JOIN message m ON m.id = f.message_id
				WHERE f.new_letter_id IS NULL AND m.prisoner_id = ? ORDER BY f.requested_at
				""").param(prisonerId).query((rs, n) -> UUID.fromString(rs.getString(1))).list();
	}

	/** Whether the message has a letter in some batch (printed or not). */
	boolean hasLetter(UUID messageId) {
		return jdbc.sql("SELECT COUNT(*) FROM letter WHERE message_id = ?")
			.param(messageId.toString())
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * Letters of a facility whose batch was printed before {@code printedBefore} and
	 * whose message is still PRINTED: not handed over, not returned and not forwarded.
	 */
	List<OverdueLetter> overdue(long facilityId, Instant printedBefore, int limit) {
		return jdbc.sql("""
				SELECT l.id, l.message_id, c.code, p.registry_number, p.name, COALESCE(u.code, ''), p.cell,
				  b.printed_at, b.id
				FROM letter l
				JOIN batch b ON b.id = l.batch_id
				JOIN message m ON m.id = l.message_id
				JOIN prisoner p ON p.id = l.prisoner_id
				LEFT JOIN unit u ON u.id = p.unit_id
				JOIN letter_copy c ON c.letter_id = l.id
				  AND c.copy_no = (SELECT MAX(c2.copy_no) FROM letter_copy c2 WHERE c2.letter_id = l.id)
				WHERE l.facility_id = :facility AND m.status = :printed AND b.printed_at IS NOT NULL
				AND b.printed_at < :before
				AND NOT EXISTS (SELECT 1 FROM letter_forward f WHERE f.letter_id = l.id)
				ORDER BY b.printed_at, l.position FETCH FIRST :limit ROWS ONLY
				""")
			.param("facility", facilityId)
			.param("printed", MessageStatus.PRINTED.name())
			.param("before", utc(printedBefore))
			.param("limit", limit)
			.query((rs, n) -> new OverdueLetter(rs.getLong(1), UUID.fromString(rs.getString(2)), rs.getString(3),
					rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
					rs.getObject(8, java.time.OffsetDateTime.class).toInstant(), rs.getLong(9)))
			.list();
	}

	/** How many letters of a facility {@link #overdue} would list, without a limit. */
	long overdueCount(long facilityId, Instant printedBefore) {
		return jdbc.sql("""
				SELECT COUNT(*) FROM letter l
				JOIN batch b ON b.id = l.batch_id
				JOIN message m ON m.id = l.message_id
				WHERE l.facility_id = :facility AND m.status = :printed AND b.printed_at IS NOT NULL
				AND b.printed_at < :before
				AND NOT EXISTS (SELECT 1 FROM letter_forward f WHERE f.letter_id = l.id)
				""")
			.param("facility", facilityId)
			.param("printed", MessageStatus.PRINTED.name())
			.param("before", utc(printedBefore))
			.query(Long.class)
			.single();
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
				SELECT l.id, l.message_id, l.prisoner_id, l.position, c.code, l.reply_code FROM letter l
				JOIN letter_copy c ON c.letter_id = l.id
				  AND c.copy_no = (SELECT MAX(c2.copy_no) FROM letter_copy c2 WHERE c2.letter_id = l.id)
				WHERE l.batch_id = ? ORDER BY l.position
				""")
			.param(batchId)
			.query((rs, n) -> new LetterRow(rs.getLong(1), UUID.fromString(rs.getString(2)), rs.getLong(3),
					rs.getInt(4), rs.getString(5), rs.getString(6)))
			.list();
	}

	/**
	 * Gives a reply code to each letter of the batch that gets a reply sheet: the
	 * sender's choice, else the facility's default. A letter keeps its code once it has
	 * one (a forwarded letter, a batch written again).
	 */
	void assignReplyCodes(long batchId) {
		List<Object[]> codes = jdbc.sql("""
				SELECT l.id FROM letter l JOIN message m ON m.id = l.message_id JOIN facility f ON f.id = l.facility_id
				WHERE l.batch_id = ? AND l.reply_code IS NULL AND COALESCE(m.reply_sheet, f.reply_sheets) = TRUE
				""")
			.param(batchId)
			.query(Long.class)
			.list()
			.stream()
			.map(id -> new Object[] { ReplyCodes.newCode(), id })
			.toList();
		batch.batchUpdate("UPDATE letter SET reply_code = ? WHERE id = ?", codes);
	}

	Optional<ReplySheet> replySheet(String replyCode) {
		return jdbc.sql("SELECT id, message_id, prisoner_id, facility_id FROM letter WHERE reply_code = ?")
			.param(replyCode)
			.query((rs, n) -> new ReplySheet(replyCode, rs.getLong(1), UUID.fromString(rs.getString(2)), rs.getLong(3),
					rs.getLong(4)))
			.optional();
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
				  (SELECT MAX(c.copy_no) FROM letter_copy c WHERE c.letter_id = l.id) AS last_copy, l.reply_code
				FROM letter l WHERE l.id = ?
				""")
			.param(letterId)
			.query((rs, n) -> new LetterInfo(rs.getLong(1), UUID.fromString(rs.getString(2)), rs.getLong(3),
					rs.getLong(4), rs.getLong(5), rs.getInt(6), rs.getString(7)))
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
