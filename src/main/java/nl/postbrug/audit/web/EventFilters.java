package nl.postbrug.audit.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import nl.postbrug.audit.EventQuery;

/**
 * The filters of the auditor's page and export as typed in, and the query they make.
 * Dates are UTC days ({@code 2026-11-28}; {@code to} includes its whole day) or exact
 * times ({@code 2026-11-28T10:00:00Z}, {@code to} exclusive). Without {@code to} the
 * range ends today; without {@code from} it starts 30 days before its end.
 */
record EventFilters(String from, String to, String actor, String object, String action) {

	static final int DEFAULT_DAYS = 30;

	private static final int LONGEST_TEXT = 320;

	EventQuery query(Clock clock, Duration maxRange) {
		Instant end = to == null
				? LocalDate.now(clock.withZone(ZoneOffset.UTC)).plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)
				: bound("to", to, true);
		Instant start = from == null ? end.minus(Duration.ofDays(DEFAULT_DAYS)) : bound("from", from, false);
		if (!start.isBefore(end)) {
			throw new BadFilter("audit.filter.from-after-to", "from");
		}
		if (Duration.between(start, end).compareTo(maxRange) > 0) {
			throw new BadFilter("audit.filter.range-too-large", "from", maxRange.toDays());
		}
		return new EventQuery(start, end, text("actor", actor), text("object", object),
				text("action", action) == null ? null : action.strip().toUpperCase(Locale.ROOT));
	}

	/** The filters without blank ones, so a submitted empty field means "any". */
	EventFilters normalised() {
		return new EventFilters(blankToNull(from), blankToNull(to), blankToNull(actor), blankToNull(object),
				blankToNull(action));
	}

	/** The day the range starts on and the last day it covers, for the form. */
	LocalDate[] days(EventQuery query) {
		return new LocalDate[] { LocalDate.ofInstant(query.from(), ZoneOffset.UTC),
				LocalDate.ofInstant(query.to().minusMillis(1), ZoneOffset.UTC) };
	}

	private static Instant bound(String field, String value, boolean endOfDay) {
		try {
			if (value.length() == 10) {
				LocalDate day = LocalDate.parse(value);
				return (endOfDay ? day.plusDays(1) : day).atStartOfDay().toInstant(ZoneOffset.UTC);
			}
			return OffsetDateTime.parse(value).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw new BadFilter("audit.filter.unreadable-date", field, field, value);
		}
	}

	private static String text(String field, String value) {
		if (value == null) {
			return null;
		}
		if (value.length() > LONGEST_TEXT) {
			throw new BadFilter("audit.filter.too-long", field, LONGEST_TEXT);
		}
		return value.strip();
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
