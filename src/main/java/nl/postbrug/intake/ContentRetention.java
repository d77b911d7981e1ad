package nl.postbrug.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import nl.postbrug.registry.Facility;
import nl.postbrug.registry.Registry;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Purges what ended messages said once their facility's retention period has passed since
 * their last state change: text, subject, photos and the raw mail. The message row, its
 * history, its source hash and the audit log stay, so what happened stays provable while
 * what was written is gone.
 * <p>
 * Each message is purged in its own short transaction by a compare-and-set on
 * {@code content_purged_at}: of two nodes purging at once exactly one purges a message
 * and writes its audit event; the other finds it done. Modules holding content made from
 * a message remove it in the same transaction, listening to {@link MessageContentPurged}.
 */
@Service
public class ContentRetention {

	private static final Logger log = LoggerFactory.getLogger(ContentRetention.class);

	/** The states a message never leaves; only these are ever purged. */
	static final List<String> TERMINAL = Arrays.stream(MessageStatus.values())
		.filter(MessageStatus::isTerminal)
		.map(Enum::name)
		.toList();

	private final JdbcClient jdbc;

	private final Registry registry;

	private final RetentionSettings settings;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	ContentRetention(JdbcClient jdbc, Registry registry, RetentionSettings settings, ApplicationEventPublisher events,
			TransactionTemplate transactions, Clock clock) {
		this.jdbc = jdbc;
		this.registry = registry;
		this.settings = settings;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** The retention period of one facility ({@code null}: messages for none). */
	record Period(Long facilityId, String facility, int days) {
	}

	/** Each facility's period, and the default for messages that reached no facility. */
	List<Period> periods() {
		List<Period> periods = new ArrayList<>();
		for (Facility facility : registry.facilities()) {
			periods.add(new Period(facility.id(), facility.code(),
					registry.retentionDays(facility.id()).orElse(settings.defaultDays())));
		}
		periods.add(new Period(null, "-", settings.defaultDays()));
		return periods;
	}

	/**
	 * Purges every message that is due now, one transaction each, and records the run.
	 * @param actor {@code schedule}, or the member of staff who started it
	 */
	public RetentionRun purgeDue(String actor) {
		Instant started = now();
		int messages = 0;
		int photos = 0;
		int rawMails = 0;
		for (Period period : periods()) {
			Instant changedBefore = started.minus(Duration.ofDays(period.days()));
			// purged by another node meanwhile, or failed here: not asked for again this
			// run
			Set<UUID> passed = new HashSet<>();
			while (true) {
				List<UUID> due = due(period.facilityId(), changedBefore, passed);
				int purgedNow = 0;
				for (UUID id : due) {
					try {
						MessageContentPurged purged = transactions.execute(tx -> purge(id, period, changedBefore));
						if (purged == null) {
							passed.add(id);
						}
						else {
							purgedNow++;
							messages++;
							photos += purged.photos();
							rawMails += purged.rawMail() ? 1 : 0;
						}
					}
					catch (RuntimeException ex) {
						// The message keeps its content and is tried again at the next
						// run.
						passed.add(id);
						log.error("Retention: message {} could not be purged: {}", id, ex.toString(), ex);
					}
				}
				if (due.size() < settings.batchSize() || purgedNow == 0 && passed.containsAll(due)) {
					break;
				}
			}
		}
		RetentionRun run = new RetentionRun(actor, messages, photos, rawMails, started, now());
		transactions.executeWithoutResult(tx -> events.publishEvent(run));
		log.info("Retention: content of {} messages purged ({} photos, {} raw mails)", messages, photos, rawMails);
		return run;
	}

	private List<UUID> due(Long facilityId, Instant changedBefore, Set<UUID> passed) {
		String facility = facilityId == null ? "facility_id IS NULL" : "facility_id = :facility";
		return jdbc
			.sql("SELECT id FROM message WHERE " + facility
					+ " AND status IN (:terminal) AND content_purged_at IS NULL AND updated_at < :before"
					+ (passed.isEmpty() ? "" : " AND id NOT IN (:passed)") + " ORDER BY updated_at, id FETCH FIRST "
					+ settings.batchSize() + " ROWS ONLY")
			.param("facility", facilityId)
			.param("terminal", TERMINAL)
			.param("before", utc(changedBefore))
			.param("passed", passed.stream().map(UUID::toString).toList())
			.query((rs, n) -> UUID.fromString(rs.getString(1)))
			.list();
	}

	/**
	 * Purges one message if it is still due and nobody purged it meanwhile; null
	 * otherwise.
	 */
	private MessageContentPurged purge(UUID id, Period period, Instant changedBefore) {
		Instant now = now();
		record Due(MessageStatus status, Instant lastChange) {
		}
		Due due = jdbc.sql("SELECT status, updated_at FROM message WHERE id = ?")
			.param(id.toString())
			.query((rs, n) -> new Due(MessageStatus.valueOf(rs.getString(1)),
					rs.getObject(2, OffsetDateTime.class).toInstant()))
			.single();
		int taken = jdbc.sql("""
				UPDATE message SET body = '', body_key = NULL, subject = NULL, subject_key = NULL,
				    content_purged_at = :now, version = version + 1
				WHERE id = :id AND content_purged_at IS NULL AND status IN (:terminal) AND updated_at < :before
				""")
			.param("now", utc(now))
			.param("id", id.toString())
			.param("terminal", TERMINAL)
			.param("before", utc(changedBefore))
			.update();
		if (taken == 0) {
			return null;
		}
		int photos = jdbc.sql("DELETE FROM message_photo WHERE message_id = ?").param(id.toString()).update();
		boolean rawMail = jdbc.sql("DELETE FROM message_source WHERE message_id = ?").param(id.toString()).update() > 0;
		MessageContentPurged purged = new MessageContentPurged(id, period.facilityId(), due.status(), due.lastChange(),
				period.days(), photos, rawMail, now);
		events.publishEvent(purged);
		return purged;
	}

	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
