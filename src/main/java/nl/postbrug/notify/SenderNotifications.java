package nl.postbrug.notify;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.postbrug.intake.MailNotes;
import nl.postbrug.intake.MessageStatus;
import nl.postbrug.intake.MessageStatusChanged;
import nl.postbrug.intake.MessageView;
import nl.postbrug.intake.Messages;
import nl.postbrug.letters.LetterRendering;
import nl.postbrug.registry.StatusMailChoices;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Tells a sender by mail that their message was received, why it was rejected, and (as
 * each facility chooses, {@link FacilityNotices}) that its letter was handed over or
 * returned. Runs after the state change committed, from the persisted event publication:
 * a send the SMTP server refuses is kept and tried again with back-off
 * ({@link NotifyRetries}), never rolls anything back. Never answers automatic mail,
 * unreadable mail, the system's own mail or mail whose sender authentication failed (the
 * address may be forged: no backscatter), and mails each message and kind at most once.
 * An address that is not a known contact is never told "received"; it is told why its
 * mail was rejected only when the own mail server confirmed the sender, so nobody can
 * make the service write to an address they forged. A relative who chose a mail at every
 * step hears of their messages from {@link StatusMails} instead.
 */
@Component
class SenderNotifications {

	private static final Logger log = LoggerFactory.getLogger(SenderNotifications.class);

	/** The changes a sender hears of. */
	private static final Set<MessageStatus> TOLD = EnumSet.of(MessageStatus.RECEIVED, MessageStatus.REJECTED,
			MessageStatus.DELIVERED, MessageStatus.RETURNED);

	private static final Pattern SAFE_ADDRESS = Pattern
		.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~\\-]{1,64}@[A-Za-z0-9\\-]+(\\.[A-Za-z0-9\\-]+)+");

	private final Messages messages;

	private final SenderMails mails;

	private final NotifySettings settings;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final SmtpOutbox outbox;

	private final NotifyRetries retries;

	private final FacilityNotices facilityNotices;

	private final StatusMailChoices statusMailChoices;

	SenderNotifications(Messages messages, SenderMails mails, NotifySettings settings, JdbcClient jdbc, Clock clock,
			NotifyRetries retries, FacilityNotices facilityNotices, StatusMailChoices statusMailChoices,
			SmtpOutbox outbox) {
		this.messages = messages;
		this.mails = mails;
		this.settings = settings;
		this.jdbc = jdbc;
		this.clock = clock;
		this.retries = retries;
		this.facilityNotices = facilityNotices;
		this.statusMailChoices = statusMailChoices;
		this.outbox = outbox;
	}

	@ApplicationModuleListener
	void on(MessageStatusChanged changed) {
		if (!TOLD.contains(changed.to()) || !settings.enabled()) {
			return;
		}
		tryToTell(changed.messageId(), changed.to());
	}

	/**
	 * Mails the SMTP server did not take are tried again here, the wait doubling per
	 * attempt ({@link NotifyRetrySettings}), without a restart.
	 */
	@Scheduled(initialDelayString = "${postbrug.notify.retry.sweep:15s}",
			fixedDelayString = "${postbrug.notify.retry.sweep:15s}")
	void retryDue() {
		if (!settings.enabled()) {
			return;
		}
		for (NotifyRetries.Due due : retries.due(50, false)) {
			if (retries.claim(due)) {
				tryToTell(due.messageId(), MessageStatus.valueOf(due.kind()));
			}
		}
	}

	private void tryToTell(UUID id, MessageStatus kind) {
		try {
			tell(id, kind);
			retries.done(id, kind.name());
		}
		catch (MessagingException ex) {
			log.warn("Could not tell the sender of message {} about {}: {}; trying again later", id, kind,
					ex.getMessage());
			retries.failed(id, kind.name(), ex.toString());
		}
	}

	private void tell(UUID id, MessageStatus kind) throws MessagingException {
		MessageView message = messages.find(id).orElse(null);
		if (message == null) {
			return;
		}
		if (!facilityNotices.tell(message, kind)) {
			return;
		}
		if (message.contactId() != null
				&& statusMailChoices.of(message.contactId()).map(StatusMailChoices.Choice::statusMails).orElse(false)) {
			// The relative chose a mail at every step, in their own language: that one
			// tells them (StatusMails), not this one too.
			return;
		}
		MailNotes notes = messages.mailNotes(message.id());
		if (!notes.mayAnswer()) {
			log.info("Not answering message {}: {}", message.id(), notes.noReply());
			return;
		}
		if (notes.authenticationFailed()) {
			log.info("Not answering message {}: sender authentication failed ({})", message.id(), notes.authFailures());
			return;
		}
		if (message.contactId() == null && (kind == MessageStatus.RECEIVED || !notes.senderConfirmed())) {
			log.info("Not answering message {}: the sender is not a known contact{}", message.id(),
					notes.senderConfirmed() ? "" : " and was not confirmed by the mail server");
			return;
		}
		String recipient = recipient(message.senderEmail());
		if (recipient == null) {
			log.info("Not answering message {}: the sender address cannot be used", message.id());
			return;
		}
		String name = kind.name();
		if (alreadySent(message, name)) {
			return;
		}
		SenderMail words = switch (kind) {
			case RECEIVED ->
				mails.received(message.id(), notes.notTaken().stream().limit(20).toList(), unprintable(message.body()));
			case DELIVERED -> mails.delivered(message.id());
			case RETURNED -> mails.returned(message.id(), message.reason());
			default -> mails.rejected(message.id(), message.reason());
		};
		send(recipient, words);
		jdbc.sql("INSERT INTO sender_notification (message_id, kind, recipient, sent_at) VALUES (?, ?, ?, ?)")
			.params(message.id().toString(), name, recipient, clock.instant().atOffset(ZoneOffset.UTC))
			.update();
		log.debug("Told {} about message {}: {}", recipient, message.id(), name);
	}

	private boolean alreadySent(MessageView message, String kind) {
		return jdbc.sql("SELECT COUNT(*) FROM sender_notification WHERE message_id = ? AND kind = ?")
			.params(message.id().toString(), kind)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * Only a plain address survives: one local part, one domain, no name, comment, space
	 * or line break.
	 */
	static String recipient(String senderEmail) {
		if (senderEmail == null) {
			return null;
		}
		String address = senderEmail.strip().toLowerCase(Locale.ROOT);
		if (address.length() > 254 || !SAFE_ADDRESS.matcher(address).matches()) {
			return null;
		}
		try {
			new InternetAddress(address, true).validate();
			return address;
		}
		catch (AddressException ex) {
			return null;
		}
	}

	/**
	 * The characters of the text a letter cannot print (they will show as U+FFFD), each
	 * once, named by code point and Unicode name; the character itself only where it is
	 * visible, so nothing from the text can change how the notification reads.
	 */
	static List<String> unprintable(String text) {
		if (text == null) {
			return List.of();
		}
		return text.codePoints()
			.filter(cp -> !LetterRendering.prints(cp) && cp != 0x200D)
			.distinct()
			.limit(20)
			.mapToObj(SenderNotifications::describe)
			.toList();
	}

	private static String describe(int cp) {
		String name = Character.getName(cp);
		String code = String.format("U+%04X%s", cp, name == null ? "" : " " + name);
		int type = Character.getType(cp);
		boolean visible = type != Character.CONTROL && type != Character.FORMAT && type != Character.PRIVATE_USE
				&& type != Character.UNASSIGNED && type != Character.SURROGATE && !Character.isWhitespace(cp);
		return visible ? Character.toString(cp) + " (" + code + ")" : code;
	}

	private void send(String recipient, SenderMail words) throws MessagingException {
		// RFC 3834: autoresponders must not answer this, which closes the loop from their
		// side too.
		outbox.send(recipient, words, "auto-replied");
	}

}
