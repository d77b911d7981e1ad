package nl.postbrug.audit.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import nl.postbrug.audit.EventQuery;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventFiltersTests {

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T15:30:00Z"), ZoneOffset.UTC);

	private static final Duration YEAR = Duration.ofDays(366);

	private static EventQuery query(String from, String to) {
		return new EventFilters(from, to, null, null, null).normalised().query(CLOCK, YEAR);
	}

	@Test
	void daysAreWholeUtcDaysAndToIncludesItsDay() {
		EventQuery query = query("2026-11-01", "2026-11-28");
		assertThat(query.from()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
		assertThat(query.to()).isEqualTo(Instant.parse("2026-11-29T00:00:00Z"));
	}

	@Test
	void exactTimesAreTakenAsGivenInAnyOffset() {
		EventQuery query = query("2026-11-28T10:00:00+01:00", "2026-11-28T12:00:00Z");
		assertThat(query.from()).isEqualTo(Instant.parse("2026-11-28T09:00:00Z"));
		assertThat(query.to()).isEqualTo(Instant.parse("2026-11-28T12:00:00Z"));
	}

	@Test
	void withoutDatesTheLastThirtyDaysUpToTheEndOfTodayAreShown() {
		EventQuery query = query(null, " ");
		assertThat(query.to()).isEqualTo(Instant.parse("2026-11-29T00:00:00Z"));
		assertThat(query.from()).isEqualTo(Instant.parse("2026-10-30T00:00:00Z"));
	}

	@Test
	void blankTextFiltersMeanAnyAndActionsAreUpperCased() {
		EventQuery query = new EventFilters("", "", " ", "", " message_approved ").normalised().query(CLOCK, YEAR);
		assertThat(query.actor()).isNull();
		assertThat(query.object()).isNull();
		assertThat(query.action()).isEqualTo("MESSAGE_APPROVED");
	}

	@Test
	void anUnreadableDateSaysWhichAndWhat() {
		assertThatThrownBy(() -> query("28-11-2026", null)).isInstanceOfSatisfying(BadFilter.class, bad -> {
			assertThat(bad.code()).isEqualTo("audit.filter.unreadable-date");
			assertThat(bad.field()).isEqualTo("from");
			assertThat(bad.args()).containsExactly("from", "28-11-2026");
		});
	}

	@Test
	void aStartAfterTheEndIsRefused() {
		assertThatThrownBy(() -> query("2026-11-28", "2026-11-01")).isInstanceOfSatisfying(BadFilter.class,
				bad -> assertThat(bad.code()).isEqualTo("audit.filter.from-after-to"));
		assertThat(query("2026-11-28", "2026-11-28").to()).isEqualTo(Instant.parse("2026-11-29T00:00:00Z"));
	}

	@Test
	void aRangeLongerThanTheLimitIsRefused() {
		assertThatThrownBy(() -> query("2024-01-01", "2026-11-28")).isInstanceOfSatisfying(BadFilter.class, bad -> {
			assertThat(bad.code()).isEqualTo("audit.filter.range-too-large");
			assertThat(bad.args()).containsExactly(366L);
		});
	}

}
