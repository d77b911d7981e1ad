package nl.postbrug.operations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import nl.postbrug.batches.BatchSlots;
import nl.postbrug.intake.MessageStatus;
import nl.postbrug.delivery.DeliverySettings;
import nl.postbrug.registry.Facility;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The figures of the operations page and the metrics, read straight from the tables of
 * intake and batches (read only, never written): a report across modules is one query,
 * not a call into each. Days are the facility's own calendar days.
 */
@Component
public class OperationsFigures {

	/** Today's funnel of one facility, from midnight in its time zone. */
	public record Funnel(long received, long approved, long printed, long delivered) {
	}

	/** Messages waiting for a screener, and since when the oldest has waited. */
	public record Backlog(long size, Optional<Instant> oldestSince) {

		public Optional<Duration> oldestWait(Instant now) {
			return oldestSince.map(since -> Duration.between(since, now));
		}

	}

	/** One facility's day at a glance. */
	public record FacilityDay(Facility facility, Funnel today, Backlog review, long failedPrints, long overdueLetters,
			BatchSlots.NextSlot nextSlot, List<DayCount> received, List<DayCount> delivered) {
	}

	/** How many on one calendar day. */
	public record DayCount(LocalDate day, long count) {
	}

	private final JdbcClient jdbc;

	private final BatchSlots slots;

	private final OperationsSettings settings;

	private final DeliverySettings delivery;

	private final Clock clock;

	OperationsFigures(JdbcTemplate jdbc, BatchSlots slots, OperationsSettings settings, DeliverySettings delivery,
			Clock clock) {
		this.jdbc = JdbcClient.create(jdbc);
		this.slots = slots;
		this.settings = settings;
		this.delivery = delivery;
		this.clock = clock;
	}

	public FacilityDay day(Facility facility) {
		Instant now = clock.instant();
		LocalDate today = now.atZone(facility.zone()).toLocalDate();
		LocalDate first = today.minusDays(settings.chartDays() - 1L);
		return new FacilityDay(facility, funnel(facility, today), backlog(facility.id()), failedPrints(facility.id()),
				overdueLetters(facility, now), slots.next(facility), receivedPerDay(facility, first, today),
				changesPerDay(facility, MessageStatus.DELIVERED, first, today));
	}

	public Funnel funnel(Facility facility, LocalDate day) {
		Instant from = day.atStartOfDay(facility.zone()).toInstant();
		Instant to = day.plusDays(1).atStartOfDay(facility.zone()).toInstant();
		long received = jdbc
			.sql("SELECT COUNT(*) FROM message WHERE facility_id = ? AND received_at >= ? AND received_at < ?")
			.params(facility.id(), utc(from), utc(to))
			.query(Long.class)
			.single();
		return new Funnel(received, reached(facility, MessageStatus.APPROVED, from, to),
				reached(facility, MessageStatus.PRINTED, from, to),
				reached(facility, MessageStatus.DELIVERED, from, to));
	}

	public Backlog backlog(long facilityId) {
		return jdbc.sql("SELECT COUNT(*), MIN(received_at) FROM message WHERE facility_id = ? AND status = ?")
			.params(facilityId, MessageStatus.IN_REVIEW.name())
			.query((rs, n) -> new Backlog(rs.getLong(1),
					Optional.ofNullable(rs.getObject(2, OffsetDateTime.class)).map(OffsetDateTime::toInstant)))
			.single();
	}

	public long failedPrints(long facilityId) {
		return jdbc.sql("SELECT COUNT(*) FROM batch WHERE facility_id = ? AND status = 'PRINT_FAILED'")
			.param(facilityId)
			.query(Long.class)
			.single();
	}

	/**
	 * Letters printed longer than the facility's {@code postbrug.delivery.overdue-after}
	 * ago and not handed over: the message is still PRINTED, and it became so (its last
	 * change) before then.
	 */
	public long overdueLetters(Facility facility, Instant now) {
		return jdbc.sql("SELECT COUNT(*) FROM message WHERE facility_id = ? AND status = ? AND updated_at < ?")
			.params(facility.id(), MessageStatus.PRINTED.name(), utc(now.minus(delivery.overdueAfter(facility.code()))))
			.query(Long.class)
			.single();
	}

	/** Messages per facility id and state, for the metrics. */
	public Map<Long, Map<MessageStatus, Long>> messagesPerState() {
		Map<Long, Map<MessageStatus, Long>> counts = new HashMap<>();
		jdbc.sql(
				"SELECT facility_id, status, COUNT(*) FROM message WHERE facility_id IS NOT NULL GROUP BY facility_id, status")
			.query(rs -> {
				counts.computeIfAbsent(rs.getLong(1), id -> new HashMap<>())
					.put(MessageStatus.valueOf(rs.getString(2)), rs.getLong(3));
			});
		return counts;
	}

	private long reached(Facility facility, MessageStatus status, Instant from, Instant to) {
		return jdbc.sql("""
				SELECT COUNT(DISTINCT c.message_id) FROM message_status_change c JOIN message m ON m.id = c.message_id
				WHERE m.facility_id = ? AND c.status = ? AND c.at >= ? AND c.at < ?
				""").params(facility.id(), status.name(), utc(from), utc(to)).query(Long.class).single();
	}

	private List<DayCount> receivedPerDay(Facility facility, LocalDate first, LocalDate last) {
		return perDay(facility, first, last, "received_at", "FROM message WHERE facility_id = ?",
				List.of(facility.id()));
	}

	private List<DayCount> changesPerDay(Facility facility, MessageStatus status, LocalDate first, LocalDate last) {
		return perDay(facility, first, last, "c.at",
				"FROM message_status_change c JOIN message m ON m.id = c.message_id WHERE m.facility_id = ? AND c.status = ?",
				List.of(facility.id(), status.name()));
	}

	/**
	 * Counts per calendar day in one query: a column per day whose bounds are computed
	 * here in the facility's zone (summer time included), which SQL cannot do alike on H2
	 * and PostgreSQL.
	 */
	private List<DayCount> perDay(Facility facility, LocalDate first, LocalDate last, String column, String fromWhere,
			List<Object> params) {
		List<LocalDate> days = first.datesUntil(last.plusDays(1)).toList();
		StringBuilder sql = new StringBuilder("SELECT ");
		List<Object> values = new ArrayList<>();
		for (int i = 0; i < days.size(); i++) {
			sql.append(i == 0 ? "" : ", ")
				.append("SUM(CASE WHEN ")
				.append(column)
				.append(" >= ? AND ")
				.append(column)
				.append(" < ? THEN 1 ELSE 0 END)");
			values.add(utc(days.get(i).atStartOfDay(facility.zone()).toInstant()));
			values.add(utc(days.get(i).plusDays(1).atStartOfDay(facility.zone()).toInstant()));
		}
		sql.append(' ')
			.append(fromWhere)
			.append(" AND ")
			.append(column)
			.append(" >= ? AND ")
			.append(column)
			.append(" < ?");
		values.addAll(params);
		values.add(utc(first.atStartOfDay(facility.zone()).toInstant()));
		values.add(utc(last.plusDays(1).atStartOfDay(facility.zone()).toInstant()));
		return jdbc.sql(sql.toString()).params(values).query((rs, n) -> {
			List<DayCount> counts = new ArrayList<>(days.size());
			for (int i = 0; i < days.size(); i++) {
				counts.add(new DayCount(days.get(i), rs.getLong(i + 1)));
			}
			return counts;
		}).single();
	}

	static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

}
