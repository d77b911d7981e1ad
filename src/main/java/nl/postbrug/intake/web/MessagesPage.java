package nl.postbrug.intake.web;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;

import nl.postbrug.intake.MessageStatus;
import nl.postbrug.intake.MessageView;
import nl.postbrug.intake.Messages;
import nl.postbrug.intake.Reason;
import nl.postbrug.intake.ReasonTexts;
import nl.postbrug.registry.PostbrugUser;
import nl.postbrug.registry.Prisoner;
import nl.postbrug.registry.Registry;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * A relative's own messages, newest first, each with its status, the reason if there is
 * one, and its history, in the request's language. Times are shown in the time zone of
 * the facility the message is for (UTC, said so, when it is for none).
 */
@Controller
class MessagesPage {

	private static final int LIMIT = 100;

	record Change(ZonedDateTime at, MessageStatus status, String detail) {
	}

	record Row(MessageView message, String prisoner, ZonedDateTime receivedAt, String reason, List<Change> history,
			ZonedDateTime purgedAt) {

		/** Whether the times are in UTC because the message is for no facility. */
		public boolean utc() {
			return receivedAt.getZone().equals(ZoneOffset.UTC);
		}

	}

	private final Messages messages;

	private final Registry registry;

	private final ReasonTexts texts;

	private final IntakeTexts words;

	MessagesPage(Messages messages, Registry registry, ReasonTexts texts, MessageSource bundles) {
		this.messages = messages;
		this.registry = registry;
		this.texts = texts;
		this.words = new IntakeTexts(bundles);
	}

	@GetMapping("/messages")
	@PreAuthorize("hasRole('SENDER')")
	String list(@AuthenticationPrincipal PostbrugUser sender, Locale locale, Model model) {
		List<Row> rows = messages.sentBy(sender.contactId(), LIMIT).stream().map(m -> row(m, locale)).toList();
		model.addAttribute("rows", rows);
		return "intake/messages";
	}

	private Row row(MessageView message, Locale locale) {
		String prisoner = words.get("messages.unknown-recipient", locale);
		if (message.prisonerId() != null) {
			Prisoner p = registry.prisoner(message.prisonerId());
			prisoner = p.name() + " (" + p.number() + ")";
		}
		ZoneId zone = message.facilityId() == null ? ZoneOffset.UTC : registry.facility(message.facilityId()).zone();
		List<Change> history = messages.history(message.id())
			.stream()
			.map(change -> new Change(change.at().atZone(zone), change.status(), text(change.detail(), locale)))
			.toList();
		return new Row(message, prisoner, message.receivedAt().atZone(zone), text(message.reason(), locale), history,
				message.purged() ? message.purgedAt().atZone(zone) : null);
	}

	private String text(Reason reason, Locale locale) {
		return reason == null ? null : texts.text(reason, locale);
	}

}
