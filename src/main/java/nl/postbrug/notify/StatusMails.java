package nl.postbrug.notify;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import jakarta.mail.MessagingException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.postbrug.intake.MessageStatus;
import nl.postbrug.intake.MessageStatusChanged;
import nl.postbrug.intake.MessageView;
import nl.postbrug.intake.Messages;
import nl.postbrug.intake.ReasonTexts;
import nl.postbrug.registry.Contact;
import nl.postbrug.registry.Registry;
import nl.postbrug.registry.StatusMailChoices;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * A mail at every step of a message, for relatives who chose it on their account page, in
 * the language their account chose: received, approved, printed, handed over, returned
 * (with the reason the facility gave) or not delivered. Said in the words of the portal's
 * timeline and nothing more: a message in review is not told apart from one being
 * checked, and a rejected one not from a withheld one, so no rule, screener or withhold
 * reason can be read from these mails. Sent after the change committed; a send the SMTP
 * server refuses is tried again with back-off ({@link NotifyRetries}), and each message
 * and step is mailed at most once.
 */
@Component
class StatusMails {

	static final String KIND_PREFIX = "STATUS:";

	private static final Logger log = LoggerFactory.getLogger(StatusMails.class);

	private static final Set<MessageStatus> TOLD = EnumSet.of(MessageStatus.RECEIVED, MessageStatus.APPROVED,
			MessageStatus.PRINTED, MessageStatus.DELIVERED, MessageStatus.RETURNED, MessageStatus.REJECTED,
			MessageStatus.WITHHELD);

	private final Messages messages;

	private final StatusMailChoices choices;

	private final Registry registry;

	private final FacilityNotices facilityNotices;

	private final SenderMails mails;

	private final ReasonTexts reasons;

	private final SmtpOutbox outbox;

	private final NotifyRetries retries;

	private final JdbcClient jdbc;

	private final Clock clock;

	StatusMails(Messages messages, StatusMailChoices choices, Registry registry, FacilityNotices facilityNotices,
			SenderMails mails, ReasonTexts reasons, SmtpOutbox outbox, NotifyRetries retries, JdbcClient jdbc,
			Clock clock) {
		this.messages = messages;
		this.choices = choices;
		this.registry = registry;
		this.facilityNotices = facilityNotices;
		this.mails = mails;
		this.reasons = reasons;
		this.outbox = outbox;
		this.retries = retries;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(MessageStatusChanged changed) {
		if (TOLD.contains(changed.to()) && outbox.enabled()) {
			tryToTell(changed.messageId(), changed.to());
		}
	}

	@Scheduled(initialDelayString = "${postbrug.notify.retry.sweep:15s}",
			fixedDelayString = "${postbrug.notify.retry.sweep:15s}")
	void retryDue() {
		if (!outbox.enabled()) {
			return;
		}
		for (NotifyRetries.Due due : retries.due(50, true)) {
			if (retries.claim(due)) {
				tryToTell(due.messageId(), MessageStatus.valueOf(due.kind().substring(KIND_PREFIX.length())));
			}
		}
	}

	private void tryToTell(UUID id, MessageStatus status) {
		String kind = KIND_PREFIX + status.name();
		try {
			tell(id, status, kind);
			retries.done(id, kind);
		}
		catch (MessagingException ex) {
			log.warn("Could not mail the status {} of message {}: {}; trying again later", status, id, ex.getMessage());
			retries.failed(id, kind, ex.toString());
		}
	}

	private void tell(UUID id, MessageStatus status, String kind) throws MessagingException {
		MessageView message = messages.find(id).orElse(null);
		if (message == null || message.contactId() == null) {
			return;
		}
		StatusMailChoices.Choice choice = choices.of(message.contactId()).orElse(null);
		if (choice == null || !choice.statusMails() || !facilityNotices.tell(message, status)) {
			return;
		}
		Contact contact = registry.contact(message.contactId());
		String recipient = SenderNotifications.recipient(contact.email());
		if (recipient == null || alreadySent(id, kind)) {
			return;
		}
		outbox.send(recipient, words(message, status, contact.name(), choice.language()), "auto-generated");
		jdbc.sql("INSERT INTO sender_notification (message_id, kind, recipient, sent_at) VALUES (?, ?, ?, ?)")
			.params(id.toString(), kind, recipient, clock.instant().atOffset(ZoneOffset.UTC))
			.update();
		log.debug("Mailed status {} of message {}", status, id);
	}

	private boolean alreadySent(UUID id, String kind) {
		return jdbc.sql("SELECT COUNT(*) FROM sender_notification WHERE message_id = ? AND kind = ?")
			.params(id.toString(), kind)
			.query(Long.class)
			.single() > 0;
	}

	SenderMail words(MessageView message, MessageStatus status, String name, Locale locale) {
		// Rejected and withheld read the same: the sender must not learn of a hold.
		String step = status == MessageStatus.WITHHELD ? MessageStatus.REJECTED.name() : status.name();
		String reference = SenderMails.reference(message.id());
		String to = message.prisonerId() != null ? registry.prisoner(message.prisonerId()).name()
				: mails.text("notify.status.recipient", locale);
		StringBuilder body = new StringBuilder(mails.text("notify.status.body." + step, locale, name, to, reference))
			.append('\n');
		if (status == MessageStatus.RETURNED && message.reason() != null) {
			body.append(mails.text("notify.delivery.returned.reason", locale, reasons.text(message.reason(), locale)))
				.append('\n');
		}
		if (status == MessageStatus.RECEIVED) {
			List<String> unprintable = SenderNotifications.unprintable(message.body());
			if (!unprintable.isEmpty()) {
				body.append('\n').append(mails.text("notify.received.unprintable", locale)).append('\n');
				unprintable.forEach(c -> body.append("- ").append(c).append('\n'));
			}
		}
		body.append('\n').append(mails.text("notify.status.footer", locale)).append('\n');
		return mails.mail(locale, "notify.status.subject." + step, reference, body.toString());
	}

}
