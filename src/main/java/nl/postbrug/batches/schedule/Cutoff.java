package nl.postbrug.batches.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which approved messages a scheduled batch takes: those approved up to its cut-off.
 * Written as a time of day ({@code 06:30}: the last 06:30 at or before the slot, in the
 * schedule's time zone) or as a time before the slot ({@code 30m}, {@code 2h},
 * {@code PT1H30M}). Without one, the slot time itself.
 */
record Cutoff(LocalTime timeOfDay, Duration before) {

	private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*([smh])");

	static final Cutoff AT_SLOT = new Cutoff(null, Duration.ZERO);

	static Cutoff parse(String value) {
		String text = value.strip();
		if (text.matches("\\d{1,2}:\\d{2}")) {
			try {
				return new Cutoff(LocalTime.parse(text.length() == 4 ? "0" + text : text), null);
			}
			catch (DateTimeParseException ex) {
				throw new IllegalArgumentException("not a time of day");
			}
		}
		Matcher shortForm = SHORT.matcher(text.toLowerCase(Locale.ROOT));
		if (shortForm.matches()) {
			long amount = Long.parseLong(shortForm.group(1));
			return new Cutoff(null, switch (shortForm.group(2)) {
				case "s" -> Duration.ofSeconds(amount);
				case "m" -> Duration.ofMinutes(amount);
				default -> Duration.ofHours(amount);
			});
		}
		try {
			Duration duration = Duration.parse(text);
			if (duration.isNegative()) {
				throw new IllegalArgumentException("negative");
			}
			return new Cutoff(null, duration);
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException(
					"neither a time of day (06:30) nor a time before the slot (30m, 2h, PT1H30M)");
		}
	}

	/**
	 * The moment messages must have been approved by to go into the batch of
	 * {@code slot}.
	 */
	Instant of(Instant slot, ZoneId zone) {
		if (timeOfDay == null) {
			return slot.minus(before);
		}
		ZonedDateTime local = slot.atZone(zone);
		ZonedDateTime sameDay = local.with(timeOfDay);
		return (sameDay.isAfter(local) ? sameDay.minusDays(1) : sameDay).toInstant();
	}

	/** The form the schedule file uses, to keep it with the Quartz job. */
	String text() {
		return timeOfDay != null ? timeOfDay.toString() : before.toString();
	}

}
