package nl.postbrug.delivery;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import nl.postbrug.intake.MessageContentPurged;
import nl.postbrug.intake.RetentionRun;
import nl.postbrug.intake.RetentionSettings;
import nl.postbrug.storage.BlobStore;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Reply scans follow the retention of their message. When intake purges a message's
 * content, the scans of its replies and the queued pages carrying one of its reply codes
 * are removed in the same transaction (or the purge fails with them); the reply rows keep
 * their metadata and the time of the purge. Queued pages for which no message was found
 * are removed after the default period, after each retention run.
 * <p>
 * Each removal is a compare-and-set on its purge column, so of two nodes purging at once
 * one removes a scan and announces it.
 */
@Component
class ReplyRetention {

	private final JdbcClient jdbc;

	private final BlobStore blobs;

	private final RetentionSettings settings;

	private final ApplicationEventPublisher events;

	ReplyRetention(JdbcClient jdbc, BlobStore blobs, RetentionSettings settings, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.blobs = blobs;
		this.settings = settings;
		this.events = events;
	}

	private record Scan(UUID id, ReplyStatus status, String key) {
	}

	private record QueuedPage(UUID id, String problem, String key, Instant receivedAt) {
	}

	@EventListener
	void on(MessageContentPurged purged) {
		String message = purged.messageId().toString();
		List<Scan> scans = jdbc
			.sql("SELECT id, status, pdf_key FROM reply WHERE message_id = ? AND pdf_purged_at IS NULL ORDER BY id")
			.param(message)
			.query((rs, n) -> new Scan(UUID.fromString(rs.getString(1)), ReplyStatus.valueOf(rs.getString(2)),
					rs.getString(3)))
			.list();
		for (Scan scan : scans) {
			if (jdbc
				.sql("UPDATE reply SET pdf_purged_at = ?, version = version + 1 WHERE id = ? AND pdf_purged_at IS NULL")
				.params(utc(purged.at()), scan.id().toString())
				.update() == 1) {
				if (scan.key() != null) {
					blobs.delete(scan.key());
				}
				events.publishEvent(new ReplyScanPurged(scan.id(), purged.messageId(), scan.status(), purged.at()));
			}
		}
		// a page queued because its code had a reply already belongs to that reply's
		// message
		purgePages(jdbc.sql("""
				SELECT id, problem, image_key, received_at FROM reply_page
				WHERE settled_at IS NULL AND image_purged_at IS NULL
				  AND reply_code IN (SELECT reply_code FROM reply WHERE message_id = ?)
				ORDER BY received_at, id
				""").param(message).query(ReplyRetention::page).list(), purged.messageId(), purged.at());
	}

	/**
	 * After each run (in a transaction of its own, so a failure here does not undo the
	 * run): queued pages without a code older than the default period. Measured on the
	 * run's clock.
	 */
	@ApplicationModuleListener
	void on(RetentionRun run) {
		Instant before = run.startedAt().minus(Duration.ofDays(settings.defaultDays()));
		purgePages(jdbc.sql("""
				SELECT id, problem, image_key, received_at FROM reply_page
				WHERE settled_at IS NULL AND image_purged_at IS NULL AND reply_code IS NULL AND received_at < ?
				ORDER BY received_at, id
				""").param(utc(before)).query(ReplyRetention::page).list(), null, run.startedAt());
	}

	private void purgePages(List<QueuedPage> pages, UUID messageId, Instant at) {
		for (QueuedPage page : pages) {
			if (jdbc.sql("UPDATE reply_page SET image_purged_at = ? WHERE id = ? AND image_purged_at IS NULL")
				.params(utc(at), page.id().toString())
				.update() == 1) {
				blobs.delete(page.key());
				events.publishEvent(new ReplyPagePurged(page.id(), page.problem(), messageId, page.receivedAt(), at));
			}
		}
	}

	private static QueuedPage page(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new QueuedPage(UUID.fromString(rs.getString(1)), rs.getString(2), rs.getString(3),
				rs.getObject(4, OffsetDateTime.class).toInstant());
	}

	private static OffsetDateTime utc(Instant at) {
		return at.atOffset(ZoneOffset.UTC);
	}

}
