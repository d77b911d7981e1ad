package nl.postbrug.intake.web;

import java.util.Locale;

import nl.postbrug.intake.NoSuchMessage;
import nl.postbrug.intake.Reason;
import nl.postbrug.intake.ReasonTexts;

import org.springframework.context.MessageSource;

/**
 * The words of intake's pages and problem details, from {@code i18n/intake}. Made from
 * the {@link MessageSource} rather than being a bean of its own, so that every web test
 * of the application, which loads all advice, has what this needs.
 */
final class IntakeTexts {

	private final MessageSource bundles;

	private final ReasonTexts reasons;

	IntakeTexts(MessageSource bundles) {
		this.bundles = bundles;
		this.reasons = new ReasonTexts(bundles);
	}

	String get(String key, Locale locale, Object... args) {
		return bundles.getMessage(key, args, locale);
	}

	String reason(Reason reason, Locale locale) {
		return reasons.text(reason, locale);
	}

	String noSuchMessage(NoSuchMessage ex, Locale locale) {
		return get("problem.no-such-message.detail", locale, ex.id());
	}

}
