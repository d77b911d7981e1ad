package nl.postbrug.notify;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;

import nl.postbrug.intake.Reason;
import nl.postbrug.intake.ReasonTexts;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Writes the mails to senders from the message bundles ({@code i18n/notify}) and the
 * reasons intake and screening gave ({@link ReasonTexts}): one mail, Dutch first, then
 * English, so that it reads right whatever language the sender's mail program speaks.
 */
@Component
class SenderMails {

	private static final List<Locale> LANGUAGES = List.of(ReasonTexts.DUTCH, ReasonTexts.ENGLISH);

	private static final String BETWEEN_LANGUAGES = "\n---\n\n";

	private final MessageSource bundles;

	private final ReasonTexts reasons;

	SenderMails(MessageSource bundles, ReasonTexts reasons) {
		this.bundles = bundles;
		this.reasons = reasons;
	}

	/**
	 * @param notTaken parts of the mail intake did not take
	 * @param unprintable characters the letter cannot print, described safely (see
	 * {@link SenderNotifications#unprintable(String)})
	 */
	SenderMail received(UUID id, List<Reason> notTaken, List<String> unprintable) {
		String reference = reference(id);
		return mail("notify.received.subject", reference, locale -> {
			StringBuilder body = new StringBuilder(text("notify.received.body", locale, reference)).append('\n');
			if (!notTaken.isEmpty()) {
				list(body, text("notify.received.not-taken", locale),
						notTaken.stream().map(reason -> reasons.text(reason, locale)).toList());
			}
			if (!unprintable.isEmpty()) {
				list(body, text("notify.received.unprintable", locale), unprintable);
			}
			return body.toString();
		});
	}

	/**
	 * @param reason why the message was rejected, {@code null} when none was recorded
	 */
	SenderMail rejected(UUID id, Reason reason) {
		String reference = reference(id);
		return mail("notify.rejected.subject", reference, locale -> {
			String why = reason == null ? text("notify.rejected.no-reason", locale) : reasons.text(reason, locale);
			return text("notify.rejected.body", locale, reference) + "\n" + text("notify.rejected.reason", locale, why)
					+ "\n";
		});
	}

	SenderMail delivered(UUID id) {
		String reference = reference(id);
		return mail("notify.delivery.delivered.subject", reference,
				locale -> text("notify.delivery.delivered.body", locale, reference) + "\n");
	}

	/**
	 * @param reason why it could not be handed over (the prisoner left), {@code null}
	 * when none was recorded
	 */
	SenderMail returned(UUID id, Reason reason) {
		String reference = reference(id);
		return mail("notify.delivery.returned.subject", reference, locale -> {
			String body = text("notify.delivery.returned.body", locale, reference) + "\n";
			return reason == null ? body
					: body + text("notify.delivery.returned.reason", locale, reasons.text(reason, locale)) + "\n";
		});
	}

	/**
	 * @param reference what the subject names in brackets, {@code null} for nothing;
	 * never a one-time code, which belongs in the body only
	 */
	SenderMail mail(String subjectKey, String reference, Function<Locale, String> body) {
		String subject = "Postbrug: " + String.join(" / ", LANGUAGES.stream().map(l -> text(subjectKey, l)).toList())
				+ (reference == null ? "" : " (" + reference + ")");
		String bodies = String.join(BETWEEN_LANGUAGES, LANGUAGES.stream().map(body).toList());
		String signature = "\n-- \nPostbrug\n"
				+ String.join("", LANGUAGES.stream().map(l -> text("notify.automatic", l) + "\n").toList());
		return new SenderMail(subject, bodies + signature);
	}

	/**
	 * A mail in one language only, for a relative whose account chose it: the subject
	 * carries the reference, never a code.
	 */
	SenderMail mail(Locale locale, String subjectKey, String reference, String body) {
		String subject = "Postbrug: " + text(subjectKey, locale) + " (" + reference + ")";
		return new SenderMail(subject, body + "\n-- \nPostbrug\n" + text("notify.automatic", locale) + "\n");
	}

	private static void list(StringBuilder body, String heading, List<String> items) {
		body.append('\n').append(heading).append('\n');
		items.forEach(item -> body.append("- ").append(item).append('\n'));
	}

	String text(String key, Locale locale, Object... args) {
		return bundles.getMessage(key, args, locale);
	}

	static String reference(UUID id) {
		return id.toString().substring(0, 8);
	}

}
