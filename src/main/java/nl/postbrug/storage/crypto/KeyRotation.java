package nl.postbrug.storage.crypto;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;

import nl.postbrug.storage.ContentEncryption;
import nl.postbrug.storage.ContentUnreadable;
import nl.postbrug.storage.EncryptedColumn;
import nl.postbrug.storage.Sealed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Re-encrypts, under the current key, every row of every {@link EncryptedColumn} that is
 * under another key or not encrypted at all (written before encryption was on). Rows are
 * taken in their order, {@code batch-size} per transaction, locked ({@code FOR UPDATE})
 * so that a second node, or a purge emptying a row meanwhile, waits for the batch instead
 * of both writing; each row is read, decrypted, encrypted and written back on its own, so
 * a batch of photos never sits in memory at once. Stopping loses at most the batch in
 * hand; the next run (every {@code rotation.interval}, on every node) takes what is still
 * not under the current key. A row that cannot be read is counted and named, and the run
 * goes on with the next.
 */
@Component
class KeyRotation {

	private static final Logger log = LoggerFactory.getLogger(KeyRotation.class);

	private static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);

	private static final int PROBLEMS_KEPT = 10;

	private final List<EncryptedColumn> columns;

	private final ContentEncryption encryption;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final int batchSize;

	private final Clock clock;

	private final ReentrantLock running = new ReentrantLock();

	private volatile RotationReport report = RotationReport.NONE;

	private volatile String announced;

	KeyRotation(List<EncryptedColumn> columns, ContentEncryption encryption, JdbcTemplate jdbc,
			TransactionTemplate transactions, EncryptionSettings settings, Clock clock) {
		this.columns = List.copyOf(columns);
		this.encryption = encryption;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.batchSize = Math.max(1, settings.rotation().batchSize());
		this.clock = clock;
	}

	RotationReport report() {
		return report;
	}

	@Scheduled(initialDelayString = "${postbrug.encryption.rotation.initial-delay:30s}",
			fixedDelayString = "${postbrug.encryption.rotation.interval:5m}")
	void scheduled() {
		if (encryption.enabled()) {
			run();
		}
	}

	/**
	 * One pass over every column; while a pass runs on this node another call answers at
	 * once with the report so far.
	 */
	RotationReport run() {
		String key = encryption.currentKeyId()
			.orElseThrow(() -> new IllegalStateException("Encryption at rest is off: there is no key to rotate to"));
		if (!running.tryLock()) {
			return report;
		}
		try {
			Instant started = clock.instant();
			Map<String, RotationReport.Kind> kinds = new LinkedHashMap<>();
			for (EncryptedColumn column : columns) {
				kinds.put(column.kind(), new RotationReport.Kind(count(column, key), 0, 0, List.of(), Map.of()));
			}
			long toDo = kinds.values().stream().mapToLong(RotationReport.Kind::toDo).sum();
			if (toDo > 0) {
				log.info("Key rotation: {} rows to re-encrypt under key '{}' ({})", toDo, key,
						kinds.entrySet()
							.stream()
							.map(e -> e.getKey() + " " + e.getValue().toDo())
							.collect(Collectors.joining(", ")));
			}
			for (EncryptedColumn column : columns) {
				kinds.put(column.kind(), rotate(column, key, kinds, started));
			}
			RotationReport done = new RotationReport(kinds.values().stream().anyMatch(k -> k.unreadable() > 0)
					? RotationReport.State.INCOMPLETE : RotationReport.State.DONE, key, started, clock.instant(),
					kinds);
			report = done;
			if (toDo > 0) {
				log.info("Key rotation under key '{}' finished: {} rows re-encrypted, {} unreadable", key,
						done.reEncrypted(), done.unreadable());
			}
			announceUnusedKeys(done);
			return done;
		}
		finally {
			running.unlock();
		}
	}

	private RotationReport.Kind rotate(EncryptedColumn column, String key, Map<String, RotationReport.Kind> kinds,
			Instant started) {
		long toDo = kinds.get(column.kind()).toDo();
		long reEncrypted = 0;
		long unreadable = 0;
		List<String> problems = new ArrayList<>();
		Instant lastLog = clock.instant();
		List<Object> cursor = null;
		while (toDo > 0) {
			List<Object> after = cursor;
			Step step = transactions.execute(tx -> step(column, key, after));
			reEncrypted += step.reEncrypted();
			unreadable += step.problems().size();
			step.problems().stream().limit(Math.max(0, PROBLEMS_KEPT - problems.size())).forEach(problems::add);
			if (step.last() == null) {
				break;
			}
			cursor = step.last();
			kinds.put(column.kind(),
					new RotationReport.Kind(toDo, reEncrypted, unreadable, List.copyOf(problems), Map.of()));
			report = new RotationReport(RotationReport.State.RUNNING, key, started, null, Map.copyOf(kinds));
			if (Duration.between(lastLog, clock.instant()).compareTo(PROGRESS_EVERY) >= 0) {
				log.info("Key rotation: {} of {} rows of {} re-encrypted under key '{}'", reEncrypted, toDo,
						column.kind(), key);
				lastLog = clock.instant();
			}
		}
		return new RotationReport.Kind(toDo, reEncrypted, unreadable, List.copyOf(problems), rowsByKey(column));
	}

	private record Step(List<Object> last, int reEncrypted, List<String> problems) {
	}

	private Step step(EncryptedColumn column, String key, List<Object> after) {
		List<String> named = new ArrayList<>(new LinkedHashSet<>(concat(column.order(), column.contextColumns())));
		List<Object> params = new ArrayList<>();
		params.add(key);
		String sql = "SELECT " + String.join(", ", named) + " FROM " + column.table() + " WHERE " + notUnder(column)
				+ cursorCondition(column, after, params) + " ORDER BY " + String.join(", ", column.order())
				+ " FETCH FIRST " + batchSize + " ROWS ONLY FOR UPDATE";
		List<Map<String, Object>> rows = jdbc.queryForList(sql, params.toArray());
		int reEncrypted = 0;
		List<String> problems = new ArrayList<>();
		List<Object> last = null;
		for (Map<String, Object> row : rows) {
			last = column.order().stream().map(c -> value(row, c)).toList();
			String context = column.context(column.contextColumns().stream().map(c -> value(row, c)).toArray());
			try {
				reEncrypted += reEncrypt(column, last, context);
			}
			catch (ContentUnreadable ex) {
				log.warn("Key rotation: {}", ex.getMessage());
				problems.add(ex.getMessage());
			}
		}
		return new Step(last, reEncrypted, problems);
	}

	/**
	 * Reads the locked row again (content and key together: a database that does not
	 * re-check a locked row's condition may have handed over a row another node finished
	 * meanwhile) and writes it back under the current key.
	 */
	private int reEncrypt(EncryptedColumn column, List<Object> id, String context) {
		String where = column.order().stream().map(c -> c + " = ?").collect(Collectors.joining(" AND "));
		String select = "SELECT " + column.valueColumn() + ", " + column.keyColumn() + " FROM " + column.table()
				+ " WHERE " + where;
		String update = "UPDATE " + column.table() + " SET " + column.valueColumn() + " = ?, " + column.keyColumn()
				+ " = ? WHERE " + where;
		List<Sealed<?>> found = jdbc.query(select,
				(rs, n) -> new Sealed<>(column.text() ? rs.getString(1) : rs.getBytes(1), rs.getString(2)),
				id.toArray());
		if (found.isEmpty() || found.get(0).value() == null
				|| encryption.currentKeyId().orElseThrow().equals(found.get(0).keyId())) {
			return 0;
		}
		Sealed<?> stored = found.get(0);
		boolean empty = column.text() ? ((String) stored.value()).isEmpty() : ((byte[]) stored.value()).length == 0;
		// emptied content keeps no key id, so the old key is seen to be unused
		Sealed<?> sealed = empty ? new Sealed<>(stored.value(), null) : column.text()
				? encryption.encryptText(encryption.decryptText((String) stored.value(), stored.keyId(), context),
						context)
				: encryption.encrypt(encryption.decrypt((byte[]) stored.value(), stored.keyId(), context), context);
		List<Object> args = new ArrayList<>();
		args.add(sealed.value());
		args.add(sealed.keyId());
		args.addAll(id);
		return jdbc.update(update, args.toArray());
	}

	private long count(EncryptedColumn column, String key) {
		Long count = jdbc.queryForObject("SELECT COUNT(*) FROM " + column.table() + " WHERE " + notUnder(column),
				Long.class, key);
		return count == null ? 0 : count;
	}

	private Map<String, Long> rowsByKey(EncryptedColumn column) {
		Map<String, Long> byKey = new TreeMap<>();
		jdbc.query("SELECT " + column.keyColumn() + ", COUNT(*) FROM " + column.table() + " WHERE " + stored(column)
				+ " GROUP BY " + column.keyColumn(), rs -> {
					String key = rs.getString(1);
					byKey.put(key == null ? "plain" : key, rs.getLong(2));
				});
		return byKey;
	}

	private void announceUnusedKeys(RotationReport done) {
		if (done.state() != RotationReport.State.DONE) {
			return;
		}
		List<String> unused = encryption.keyIds()
			.stream()
			.filter(id -> !id.equals(done.key()))
			.filter(id -> done.kinds().values().stream().noneMatch(k -> k.rowsByKey().getOrDefault(id, 0L) > 0))
			.toList();
		String note = done.key() + unused;
		if (!unused.isEmpty() && !note.equals(announced)) {
			log.info("Every stored content is under key '{}'; keys {} are no longer used and may be removed",
					done.key(), unused);
		}
		announced = note;
	}

	/**
	 * Rows not under the key given as the first parameter: under another key, emptied or
	 * not (a purge may have emptied the content and left its key id), or not encrypted
	 * and not empty. The key column is tested first, so rows under the current key are
	 * passed over without reading their content.
	 */
	private static String notUnder(EncryptedColumn column) {
		String key = column.keyColumn();
		return "(" + key + " IS NULL OR " + key + " <> ?) AND " + stored(column);
	}

	/** Rows with content, or with a key id: a purge may have emptied the column. */
	private static String stored(EncryptedColumn column) {
		String value = column.valueColumn();
		return value + " IS NOT NULL AND (" + column.keyColumn() + " IS NOT NULL OR "
				+ (column.text() ? value + " <> ''" : "OCTET_LENGTH(" + value + ") > 0") + ")";
	}

	private static String cursorCondition(EncryptedColumn column, List<Object> after, List<Object> params) {
		if (after == null) {
			return "";
		}
		List<String> order = column.order();
		if (order.size() == 1) {
			params.add(after.get(0));
			return " AND " + order.get(0) + " > ?";
		}
		params.add(after.get(0));
		params.add(after.get(0));
		params.add(after.get(1));
		return " AND (" + order.get(0) + " > ? OR (" + order.get(0) + " = ? AND " + order.get(1) + " > ?))";
	}

	private static Object value(Map<String, Object> row, String column) {
		// queryForList's rows ignore case: H2 names columns in upper case, PostgreSQL
		// lower
		return row.get(column);
	}

	private static List<String> concat(List<String> a, List<String> b) {
		List<String> all = new ArrayList<>(a);
		all.addAll(b);
		return all;
	}

}
