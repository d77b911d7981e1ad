package nl.postbrug.delivery;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import nl.postbrug.intake.MessageContentPurged;
import nl.postbrug.intake.RetentionRun;
import nl.postbrug.intake.RetentionSettings;
import nl.postbrug.registry.Facility;
import nl.postbrug.registry.Registry;
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
 * their metadata and the time of the purge. After each retention run, a reply that came
 * after its message was purged goes once it has been decided for its facility's period,
 * and a queued page for which no message was found once it is older than the default
 * period.
 * <p>
 * Each removal is a compare-and-set on its purge column, so of two nodes purging at once
 * one removes a scan and announces it.
 */
@Component
class ReplyRetention {

	private static final List<String> DECIDED = Arrays.stream(ReplyStatus.values())
		.filter(ReplyStatus::isTerminal)
		.map(Enum::name)
		.toList();

	private final JdbcClient jdbc;

	private final BlobStore blobs;

	private final Registry registry;

	private final RetentionSettings settings;

	private final ApplicationEventPublisher events;

	ReplyRetention(JdbcClient jdbc, BlobStore blobs, Registry registry, RetentionSettings settings,
			ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.blobs = blobs;
		this.registry = registry;
		this.settings = settings;
		this.events = events;
	}

	private record Scan(UUID id, UUID messageId, ReplyStatus status, String key) {
	}

	private record QueuedPage(UUID id, String problem, String key, Instant receivedAt) {
	}

	@EventListener
	void on(MessageContentPurged purged) {
		String message = purged.messageId().toString();
		purgeScans(jdbc
			.sql("SELECT id, message_id, status, pdf_key FROM reply WHERE message_id = ? AND pdf_purged_at IS NULL"
					+ " ORDER BY id")
			.param(message)
			.query(ReplyRetention::scan)
			.list(), purged.at());
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
	 * run): replies that came after their message was purged, once decided for their
	 * facility's period, and queued pages without a code older than the default period.
	 * Measured on the run's clock.
	 */
	@ApplicationModuleListener
	void on(RetentionRun run) {
		// such a reply missed its message's purge
		for (Facility facility : registry.facilities()) {
			int days = registry.retentionDays(facility.id()).orElse(settings.defaultDays());
			purgeScans(jdbc.sql("""
					SELECT r.id, r.message_id, r.status, r.pdf_key FROM reply r JOIN message m ON m.id = r.message_id
					WHERE r.facility_id = :facility AND r.pdf_purged_at IS NULL AND m.content_purged_at IS NOT NULL
					  AND r.status IN (:decided) AND r.decided_at < :before
					ORDER BY r.decided_at, r.id
					""")
				.param("facility", facility.id())
				.param("decided", DECIDED)
				.param("before", utc(run.startedAt().minus(Duration.ofDays(days))))
				.query(ReplyRetention::scan)
				.list(), run.startedAt());
		}
		Instant before = run.startedAt().minus(Duration.ofDays(settings.defaultDays()));
		purgePages(jdbc.sql("""
				SELECT id, problem, image_key, received_at FROM reply_page
				WHERE settled_at IS NULL AND image_purged_at IS NULL AND reply_code IS NULL AND received_at < ?
				ORDER BY received_at, id
				""").param(utc(before)).query(ReplyRetention::page).list(), null, run.startedAt());
	}

	private void purgeScans(List<Scan> scans, Instant at) {
		for (Scan scan : scans) {
			if (jdbc
				.sql("UPDATE reply SET pdf_purged_at = ?, version = version + 1 WHERE id = ? AND pdf_purged_at IS NULL")
				.params(utc(at), scan.id().toString())
				.update() == 1) {
				if (scan.key() != null) {
					blobs.delete(scan.key());
				}
				events.publishEvent(new ReplyScanPurged(scan.id(), scan.messageId(), scan.status(), at));
			}
		}
	}

	private static Scan scan(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Scan(UUID.fromString(rs.getString(1)), UUID.fromString(rs.getString(2)),
				ReplyStatus.valueOf(rs.getString(3)), rs.getString(4));
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
