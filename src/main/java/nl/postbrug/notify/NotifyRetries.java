package nl.postbrug.notify;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The sender mails waiting to be tried again, in the database, so a retry survives a
 * restart and any node may make it; a node claims one by moving its time on first.
 */
@Component
class NotifyRetries {

	record Due(UUID messageId, String kind, int attempts, Instant nextAt) {
	}

	private final JdbcClient jdbc;

	private final NotifyRetrySettings settings;

	private final Clock clock;

	NotifyRetries(JdbcClient jdbc, NotifyRetrySettings settings, Clock clock) {
		this.jdbc = jdbc;
		this.settings = settings;
		this.clock = clock;
	}

	/** A failed attempt: the next one after the back-off for this many failures. */
	void failed(UUID messageId, String kind, String error) {
		String cut = error == null ? null : error.substring(0, Math.min(error.length(), 1000));
		int attempts = jdbc.sql("SELECT attempts FROM notify_retry WHERE message_id = ? AND kind = ?")
			.params(messageId.toString(), kind)
			.query(Integer.class)
			.optional()
			.orElse(0) + 1;
		OffsetDateTime next = utc(now().plus(settings.after(attempts)));
		int updated = jdbc
			.sql("UPDATE notify_retry SET attempts = ?, next_at = ?, last_error = ? WHERE message_id = ? AND kind = ?")
			.params(attempts, next, cut, messageId.toString(), kind)
			.update();
		if (updated == 0) {
			jdbc.sql(
					"INSERT INTO notify_retry (message_id, kind, attempts, next_at, last_error) VALUES (?, ?, ?, ?, ?)")
				.params(messageId.toString(), kind, attempts, next, cut)
				.update();
		}
	}

	void done(UUID messageId, String kind) {
		jdbc.sql("DELETE FROM notify_retry WHERE message_id = ? AND kind = ?")
			.params(messageId.toString(), kind)
			.update();
	}

	/**
	 * @param statusMails the retries of {@link StatusMails} (kinds {@code STATUS:*}) or
	 * those of the sender notices
	 */
	List<Due> due(int limit, boolean statusMails) {
		return jdbc
			.sql("SELECT message_id, kind, attempts, next_at FROM notify_retry WHERE next_at <= ? AND kind "
					+ (statusMails ? "" : "NOT ") + "LIKE ? ORDER BY next_at FETCH FIRST " + limit + " ROWS ONLY")
			.params(utc(now()), StatusMails.KIND_PREFIX + "%")
			.query((rs, n) -> new Due(UUID.fromString(rs.getString(1)), rs.getString(2), rs.getInt(3),
					rs.getObject(4, OffsetDateTime.class).toInstant()))
			.list();
	}

	/**
	 * Takes a due retry for this node: its time moves on by the back-off, so no other
	 * node tries it meanwhile. False when another node took it first.
	 */
	boolean claim(Due due) {
		return jdbc.sql("UPDATE notify_retry SET next_at = ? WHERE message_id = ? AND kind = ? AND next_at = ?")
			.params(utc(now().plus(settings.after(due.attempts() + 1))), due.messageId().toString(), due.kind(),
					utc(due.nextAt()))
			.update() == 1;
	}

	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
