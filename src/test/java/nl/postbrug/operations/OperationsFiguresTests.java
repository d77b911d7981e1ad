package nl.postbrug.operations;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import nl.postbrug.batches.BatchSlots;
import nl.postbrug.intake.MessageStatus;
import nl.postbrug.registry.Facility;
import nl.postbrug.registry.PrinterSettings;
import nl.postbrug.registry.PrinterType;
import nl.postbrug.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * The operations figures count by the facility's own calendar day: a message received at
 * 00:30 in Amsterdam is today's even though it is yesterday in UTC, and the day summer
 * time ended has 25 hours.
 */
class OperationsFiguresTests {

	static final Instant NOW = Instant.parse("2026-11-03T12:00:00Z");

	static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

	JdbcClient jdbc;

	Facility facility;

	OperationsFigures figures;

	DataSource dataSource() {
		return TestDatabase.migrated();
	}

	@BeforeEach
	void aFacilityWithItsPost() {
		DataSource dataSource = dataSource();
		jdbc = JdbcClient.create(dataSource);
		String code = "O" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
		jdbc.sql(
				"INSERT INTO facility (code, name, time_zone, printer_type, printer_target) VALUES (?, ?, ?, 'FOLDER', 'x')")
			.params(code, "PI " + code, AMSTERDAM.getId())
			.update();
		long id = jdbc.sql("SELECT id FROM facility WHERE code = ?").param(code).query(Long.class).single();
		jdbc.sql(
				"INSERT INTO prisoner (registry_number, name, facility_id, cell, status) VALUES (?, 'Jan', ?, '1', 'ACTIVE')")
			.params(code, id)
			.update();
		facility = new Facility(id, code, "PI " + code, AMSTERDAM,
				new PrinterSettings(PrinterType.FOLDER, "x", false, false));
		BatchSlots slots = mock(BatchSlots.class);
		given(slots.next(facility)).willReturn(new BatchSlots.NextSlot(Optional.empty(), 0));
		figures = new OperationsFigures(new JdbcTemplate(dataSource), slots,
				new OperationsSettings(30, Duration.ofSeconds(30), Duration.ofMinutes(30), false),
				new nl.postbrug.delivery.DeliverySettings(Duration.ofDays(2), true, true, java.util.Map.of()),
				Clock.fixed(NOW, ZoneOffset.UTC));

		// today 01:30 in Amsterdam: approved and printed this morning
		message("2026-11-03T00:30:00Z", MessageStatus.PRINTED, "2026-11-03T02:00:00Z", MessageStatus.APPROVED,
				"2026-11-03T01:00:00Z", MessageStatus.PRINTED, "2026-11-03T02:00:00Z");
		// today 00:30 in Amsterdam (yesterday in UTC), waiting for a screener
		message("2026-11-02T23:30:00Z", MessageStatus.IN_REVIEW, "2026-11-02T23:31:00Z", MessageStatus.IN_REVIEW,
				"2026-11-02T23:31:00Z");
		// yesterday 23:30 in Amsterdam; printed five days ago and never handed over
		message("2026-11-02T22:30:00Z", MessageStatus.PRINTED, "2026-10-29T09:00:00Z", MessageStatus.PRINTED,
				"2026-10-29T09:00:00Z");
		// the day summer time ended, 23:30 UTC = 00:30 on 26 October in Amsterdam
		message("2026-10-25T23:30:00Z", MessageStatus.DELIVERED, "2026-10-27T10:00:00Z", MessageStatus.DELIVERED,
				"2026-10-27T10:00:00Z");
	}

	@Test
	void countsTodaysFunnelTheBacklogAndOverdueLettersInTheFacilitysTime() {
		OperationsFigures.FacilityDay day = figures.day(facility);

		assertThat(day.today()).isEqualTo(new OperationsFigures.Funnel(2, 1, 1, 0));
		assertThat(day.review().size()).isEqualTo(1);
		assertThat(day.review().oldestWait(NOW)).hasValue(Duration.ofMinutes(12 * 60 + 30));
		assertThat(day.overdueLetters()).isEqualTo(1);
		assertThat(day.failedPrints()).isZero();
		assertThat(figures.messagesPerState().get(facility.id()))
			.isEqualTo(Map.of(MessageStatus.PRINTED, 2L, MessageStatus.IN_REVIEW, 1L, MessageStatus.DELIVERED, 1L));
	}

	@Test
	void chartsCountEachCalendarDayOfTheFacility() {
		OperationsFigures.FacilityDay day = figures.day(facility);

		assertThat(day.received()).hasSize(30);
		assertThat(day.received().get(0).day()).isEqualTo(LocalDate.of(2026, 10, 5));
		assertThat(day.received().get(29).day()).isEqualTo(LocalDate.of(2026, 11, 3));
		assertThat(countOn(day, LocalDate.of(2026, 11, 3))).isEqualTo(2);
		assertThat(countOn(day, LocalDate.of(2026, 11, 2))).isEqualTo(1);
		assertThat(countOn(day, LocalDate.of(2026, 10, 26))).isEqualTo(1);
		assertThat(countOn(day, LocalDate.of(2026, 10, 25))).isZero();
		assertThat(day.received().stream().mapToLong(OperationsFigures.DayCount::count).sum()).isEqualTo(4);
		assertThat(day.delivered().stream().filter(d -> d.count() > 0).map(OperationsFigures.DayCount::day))
			.containsExactly(LocalDate.of(2026, 10, 27));
	}

	private static long countOn(OperationsFigures.FacilityDay day, LocalDate date) {
		return day.received().stream().filter(d -> d.day().equals(date)).findFirst().orElseThrow().count();
	}

	/**
	 * A message with its state now, when it last changed, and its history (state, time
	 * pairs).
	 */
	private void message(String received, MessageStatus status, String updated, Object... history) {
		String id = UUID.randomUUID().toString();
		long prisoner = jdbc.sql("SELECT id FROM prisoner WHERE facility_id = ?")
			.param(facility.id())
			.query(Long.class)
			.single();
		jdbc.sql("""
				INSERT INTO message (id, channel, sender_email, prisoner_id, facility_id, body, status, received_at,
				updated_at, version) VALUES (?, 'WEB', 'anna@example.org', ?, ?, 'Lieve Jan', ?, ?, ?, 0)
				""")
			.params(id, prisoner, facility.id(), status.name(), Timestamp.from(Instant.parse(received)),
					Timestamp.from(Instant.parse(updated)))
			.update();
		for (int i = 0; i < history.length; i += 2) {
			jdbc.sql("INSERT INTO message_status_change (message_id, at, status) VALUES (?, ?, ?)")
				.params(id, Timestamp.from(Instant.parse((String) history[i + 1])), ((MessageStatus) history[i]).name())
				.update();
		}
	}

}
