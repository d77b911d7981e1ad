package nl.postbrug.delivery.web;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import nl.postbrug.delivery.Delivery;
import nl.postbrug.delivery.ScanOutcome;

import org.springframework.context.MessageSource;

/**
 * A scan's answer in the officer's words, the same for the page and for its script: the
 * outcome, its tone (colour) and icon, what to do, and whom the letter is for.
 *
 * @param tone {@code ok} (hand it over), {@code warn} (set it aside) or {@code bad} (not
 * ours to hand over)
 * @param detail when (on the clock of the letter's facility) and by whom it was handed
 * over, or where it goes; may be null
 */
record ScanView(ScanOutcome outcome, String tone, String icon, String title, String advice, String detail, String code,
		PrisonerView prisoner, int round) {

	record PrisonerView(String name, String number, String unit, String cell) {
	}

	static ScanView of(Delivery.Scan scan, String code, int round, MessageSource texts, Locale locale) {
		ScanOutcome outcome = scan.outcome();
		String key = "scan.outcome." + outcome.name();
		String detail = switch (outcome) {
			case ALREADY_DELIVERED -> scan.deliveredAt() == null ? null
					: texts.getMessage(key + ".when",
							new Object[] { DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
								.withLocale(locale)
								.format(scan.deliveredAt()), scan.deliveredBy() },
							locale);
			case FORWARD -> texts.getMessage(key + ".to", new Object[] { scan.forwardedTo() }, locale);
			default -> null;
		};
		PrisonerView prisoner = scan.prisoner() == null ? null
				: new PrisonerView(
						scan.prisoner().name(), scan.prisoner().number(), scan.prisoner().unit() == null
								? texts.getMessage("scan.no-unit", null, locale) : scan.prisoner().unit(),
						scan.prisoner().cell());
		return new ScanView(outcome, tone(outcome), icon(outcome), texts.getMessage(key + ".title", null, locale),
				texts.getMessage(key + ".advice", null, locale), detail, code, prisoner, round);
	}

	static String tone(ScanOutcome outcome) {
		return switch (outcome) {
			case DELIVERED -> "ok";
			case ALREADY_DELIVERED, VOID_COPY, RETURN, FORWARD -> "warn";
			case WRONG_FACILITY, UNKNOWN_CODE -> "bad";
		};
	}

	/** A symbol beside the title, so the outcome does not rest on colour alone. */
	static String icon(ScanOutcome outcome) {
		return switch (outcome) {
			case DELIVERED -> "\u2714";
			case ALREADY_DELIVERED -> "\u23F8";
			case VOID_COPY -> "\u2716";
			case RETURN -> "\u21A9";
			case FORWARD -> "\u27A1";
			case WRONG_FACILITY, UNKNOWN_CODE -> "\u26A0";
		};
	}

}
