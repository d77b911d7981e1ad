package nl.postbrug.batches;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * SQL for batch rows: look-ups, the worker's claim and heartbeat, the print job at the
 * printer, and {@link #move}, the one place a batch changes state. Letters and copies are
 * in {@link LetterStore}.
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

	/**
	 * The batch's worker has shown no sign of life since {@code :stale}. (Unqualified:
	 * the facility joined in look-ups has no such columns.)
	 */
	private static final String WORKER_GONE = "owner IS NULL OR heartbeat_at IS NULL OR heartbeat_at < :stale";

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

	List<BatchView> recent(long facilityId, int limit) {
		return jdbc
			.sql(BATCH_SELECT + " WHERE b.facility_id = ? ORDER BY b.created_at DESC, b.id DESC FETCH FIRST " + limit
					+ " ROWS ONLY")
			.param(facilityId)
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
	 * Batches being assembled or printed whose worker has shown no sign of life since
	 * {@code staleBefore} (or, with {@code otherThan}, any not worked on by that node: on
	 * a single node, everything a previous process left).
	 */
	List<BatchView> orphaned(Instant staleBefore, String otherThan) {
		return jdbc
			.sql(BATCH_SELECT + " WHERE b.status IN (:working) AND (" + WORKER_GONE
					+ (otherThan == null ? "" : " OR b.owner <> :other") + ") ORDER BY b.id")
			.param("working", names(BatchStatus.withWorker()))
			.param("stale", utc(staleBefore))
			.param("other", otherThan)
			.query(BATCH)
			.list();
	}

	/**
	 * Assembled batches nobody has touched since {@code staleBefore}: their worker died
	 * before printing.
	 */
	List<BatchView> assembledAndIdle(Instant staleBefore) {
		return jdbc
			.sql(BATCH_SELECT + " WHERE b.status = ? AND (b.heartbeat_at IS NULL OR b.heartbeat_at < ?) ORDER BY b.id")
			.params(BatchStatus.ASSEMBLED.name(), utc(staleBefore))
			.query(BATCH)
			.list();
	}

	/** Failed prints whose next attempt is due. */
	List<BatchView> dueForRetry(Instant now) {
		return jdbc
			.sql(BATCH_SELECT
					+ " WHERE b.status = ? AND (b.next_retry_at IS NULL OR b.next_retry_at <= ?) ORDER BY b.id")
			.params(BatchStatus.PRINT_FAILED.name(), utc(now))
			.query(BATCH)
			.list();
	}

	Optional<String> pdfPath(long batchId) {
		return jdbc.sql("SELECT pdf_path FROM batch WHERE id = ?")
			.param(batchId)
			.query((rs, n) -> Optional.ofNullable(rs.getString(1)))
			.optional()
			.flatMap(path -> path);
	}

	/** A new batch for a slot, worked on by {@code node}; its letters follow. */
	long insertBatch(long facilityId, String slot, String code, Instant now, Instant cutoff, String node) {
		jdbc.sql(
				"""
						INSERT INTO batch (facility_id, slot, code, status, letters, pages, created_at, cutoff_at, owner, heartbeat_at)
						VALUES (?, ?, ?, ?, 0, 0, ?, ?, ?, ?)
						""")
			.params(facilityId, slot, code, BatchStatus.ASSEMBLING.name(), utc(now), utc(cutoff), node, utc(now))
			.update();
		return batch(facilityId, slot).orElseThrow().id();
	}

	/** Serialises batch assembly per facility across threads and nodes. */
	void lockFacility(long facilityId) {
		jdbc.sql("SELECT id FROM facility WHERE id = ? FOR UPDATE").param(facilityId).query(Long.class).single();
	}

	/**
	 * Makes {@code node} the worker of an unfinished batch whose worker is gone (as
	 * {@link #orphaned} decides); false when the batch is finished or its worker is still
	 * alive. The state stays: the new worker finishes the step the old one was in.
	 */
	boolean takeOver(long batchId, String node, Instant now, Instant staleBefore, String otherThan) {
		return jdbc
			.sql("UPDATE batch SET owner = :node, heartbeat_at = :now WHERE id = :id AND status IN (:working) AND ("
					+ WORKER_GONE + (otherThan == null ? "" : " OR owner <> :other") + ")")
			.param("node", node)
			.param("now", utc(now))
			.param("id", batchId)
			.param("working", names(BatchStatus.withWorker()))
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
	 * Records, before it is sent, which job the batch is about to become, so a crash
	 * cannot hide it.
	 */
	boolean jobSubmitting(long batchId, String node, String printerUri, String jobName) {
		return jdbc.sql("""
				UPDATE batch SET printer_uri = ?, print_job_name = ?, print_job = NULL, print_job_state = NULL
				WHERE id = ? AND owner = ? AND status = ?
				""").params(printerUri, jobName, batchId, node, BatchStatus.PRINTING.name()).update() == 1;
	}

	void jobState(long batchId, String job, String state) {
		jdbc.sql("UPDATE batch SET print_job = ?, print_job_state = ? WHERE id = ?")
			.params(job, state, batchId)
			.update();
	}

	/** ASSEMBLING to ASSEMBLED: the PDF written by {@code node} is in place. */
	boolean assembled(long batchId, String node, String pdfPath, int letters, int pages) {
		return move(batchId, EnumSet.of(BatchStatus.ASSEMBLING), BatchStatus.ASSEMBLED,
				"pdf_path = :pdf, letters = :letters, pages = :pages", "owner = :node",
				params("pdf", pdfPath, "letters", letters, "pages", pages, "node", node));
	}

	/**
	 * ASSEMBLED or PRINT_FAILED to PRINTING, worked on by {@code node}: an assembled
	 * batch, or a failed one whose retry is due (any failed one with
	 * {@code evenIfNotDue}). It counts as one more attempt, and the failure of the last
	 * one no longer shows. False when another worker has it, it is printed already, or
	 * its retry is not due.
	 */
	boolean startPrinting(long batchId, String node, Instant now, boolean evenIfNotDue) {
		return move(batchId, EnumSet.of(BatchStatus.ASSEMBLED, BatchStatus.PRINT_FAILED), BatchStatus.PRINTING,
				"owner = :node, heartbeat_at = :now, print_attempts = print_attempts + 1, failure = NULL, next_retry_at = NULL",
				evenIfNotDue ? "" : "status = :assembled OR next_retry_at IS NULL OR next_retry_at <= :now",
				params("node", node, "now", utc(now), "assembled", BatchStatus.ASSEMBLED.name()));
	}

	/** PRINTING to PRINTED, by the node that prints it. */
	boolean printed(long batchId, String node, Instant now, String printedBy) {
		return move(batchId, EnumSet.of(BatchStatus.PRINTING), BatchStatus.PRINTED,
				"failure = NULL, next_retry_at = NULL, printed_at = :now, printed_by = :by", "owner = :node",
				params("now", utc(now), "by", cut(printedBy, 200), "node", node));
	}

	/**
	 * A member of staff printed a waiting batch by hand; false when it was not waiting.
	 */
	boolean printedByHand(long batchId, Instant now, String printedBy) {
		return move(batchId, EnumSet.of(BatchStatus.ASSEMBLED, BatchStatus.PRINT_FAILED), BatchStatus.PRINTED,
				"failure = NULL, next_retry_at = NULL, printed_at = :now, printed_by = :by", "",
				params("now", utc(now), "by", cut(printedBy, 200)));
	}

	/** PRINTING to PRINT_FAILED, with the reason and when it is tried again. */
	boolean printFailed(long batchId, String node, String reason, Instant nextRetry) {
		return move(batchId, EnumSet.of(BatchStatus.PRINTING), BatchStatus.PRINT_FAILED,
				"failure = :reason, next_retry_at = :next", "owner = :node",
				params("reason", cut(reason, 1000), "next", utc(nextRetry), "node", node));
	}

	/**
	 * The one place a batch changes state: every move from one of {@code from} to
	 * {@code to} must be in {@link BatchStatus}'s table, and is then made by compare and
	 * set, so of two workers making it at once only one succeeds.
	 * @param set further columns to set ({@code column = :param, …}), or empty
	 * @param where a further condition, or empty
	 * @return false when the batch is no longer in a {@code from} state or does not meet
	 * {@code where} (another worker got there first)
	 * @throws IllegalBatchTransition when the table does not allow one of the moves
	 */
	boolean move(long batchId, Set<BatchStatus> from, BatchStatus to, String set, String where,
			Map<String, Object> params) {
		for (BatchStatus status : from) {
			if (!status.canMoveTo(to)) {
				throw new IllegalBatchTransition(batchId, status, to);
			}
		}
		return jdbc
			.sql("UPDATE batch SET status = :to" + (set.isEmpty() ? "" : ", " + set)
					+ " WHERE id = :id AND status IN (:from)" + (where.isEmpty() ? "" : " AND (" + where + ")"))
			.params(params)
			.param("to", to.name())
			.param("id", batchId)
			.param("from", names(from))
			.update() == 1;
	}

	/** Named parameters, values may be null. */
	private static Map<String, Object> params(Object... namesAndValues) {
		Map<String, Object> params = new HashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			params.put((String) namesAndValues[i], namesAndValues[i + 1]);
		}
		return params;
	}

	private static List<String> names(Set<BatchStatus> states) {
		return states.stream().map(Enum::name).toList();
	}

	static OffsetDateTime utc(Instant instant) {
		return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
	}

	private static String cut(String text, int max) {
		return text == null || text.length() <= max ? text : text.substring(0, max);
	}

	private static Instant instant(OffsetDateTime value) {
		return value == null ? null : value.toInstant();
	}

}
