package nl.postbrug.audit;

import nl.postbrug.Sha256;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The append-only, hash-chained audit log. Each event's hash covers its content and the
 * previous event's hash, so changing or deleting any event breaks every link after it.
 * Appends join the caller's transaction (the state change and its event commit together)
 * and are serialised by the row lock on {@code audit_head}.
 */
@Service
public class AuditLog {

	static final String GENESIS = "0".repeat(64);

	public record Verification(boolean valid, long events, Long firstBroken) {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	AuditLog(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void append(String actor, String type, String subject, String detail, Instant at) {
		record Head(long seq, String hash) {
		}
		Head head = jdbc.sql("SELECT last_seq, last_hash FROM audit_head WHERE id = 1 FOR UPDATE")
			.query((rs, n) -> new Head(rs.getLong(1), rs.getString(2)))
			.single();
		long seq = head.seq() + 1;
		Instant when = (at == null ? clock.instant() : at).truncatedTo(ChronoUnit.MILLIS);
		String clipped = detail == null ? null : detail.length() > 2000 ? detail.substring(0, 2000) : detail;
		String hash = hash(head.hash(), seq, when, actor, type, subject, clipped);
		jdbc.sql(
				"INSERT INTO audit_event (seq, at, actor, type, subject, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
			.params(seq, when.atOffset(ZoneOffset.UTC), actor, type, subject, clipped, head.hash(), hash)
			.update();
		jdbc.sql("UPDATE audit_head SET last_seq = ?, last_hash = ? WHERE id = 1").params(seq, hash).update();
	}

	/**
	 * Walks the whole chain in order and reports the first event whose link or content
	 * does not hold.
	 */
	@Transactional(readOnly = true)
	public Verification verify() {
		AtomicLong count = new AtomicLong();
		AtomicReference<String> previous = new AtomicReference<>(GENESIS);
		AtomicLong expectedSeq = new AtomicLong(1);
		AtomicReference<Long> broken = new AtomicReference<>();
		jdbc.sql("SELECT seq, at, actor, type, subject, detail, prev_hash, hash FROM audit_event ORDER BY seq")
			.query(rs -> {
				long seq = rs.getLong("seq");
				count.incrementAndGet();
				if (broken.get() != null) {
					return;
				}
				Instant at = rs.getObject("at", OffsetDateTime.class).toInstant();
				String expected = hash(previous.get(), seq, at, rs.getString("actor"), rs.getString("type"),
						rs.getString("subject"), rs.getString("detail"));
				if (seq != expectedSeq.get() || !previous.get().equals(rs.getString("prev_hash"))
						|| !expected.equals(rs.getString("hash"))) {
					broken.set(seq != expectedSeq.get() ? expectedSeq.get() : seq);
					return;
				}
				previous.set(rs.getString("hash"));
				expectedSeq.incrementAndGet();
			});
		if (broken.get() == null) {
			// Events cut off the end of the chain leave the head pointing past the last
			// one.
			long headSeq = jdbc.sql("SELECT last_seq FROM audit_head WHERE id = 1").query(Long.class).single();
			if (headSeq != expectedSeq.get() - 1) {
				broken.set(expectedSeq.get());
			}
		}
		return new Verification(broken.get() == null, count.get(), broken.get());
	}

	static String hash(String previous, long seq, Instant at, String actor, String type, String subject,
			String detail) {
		String canonical = String.join("\n", previous, Long.toString(seq), at.toString(), actor, type, subject,
				detail == null ? "" : detail);
		return Sha256.hex(canonical);
	}

}
