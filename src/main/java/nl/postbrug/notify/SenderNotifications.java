package nl.postbrug.notify;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Pattern;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.postbrug.intake.MailNotes;
import nl.postbrug.intake.MessageStatus;
import nl.postbrug.intake.MessageStatusChanged;
import nl.postbrug.intake.MessageView;
import nl.postbrug.intake.Messages;
import nl.postbrug.letters.LetterRendering;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells a sender by mail that their message was received, or why it was rejected. Runs
 * after the state change committed, from the persisted event publication: a failed send
 * is retried, never rolls anything back. Never answers automatic mail, unreadable mail,
 * the system's own mail or mail whose sender authentication failed (the address may be
 * forged: no backscatter), and mails each message and kind at most once.
 */
@Component
class SenderNotifications {

	private static final Logger log = LoggerFactory.getLogger(SenderNotifications.class);

	private static final Pattern SAFE_ADDRESS = Pattern
		.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~\\-]{1,64}@[A-Za-z0-9\\-]+(\\.[A-Za-z0-9\\-]+)+");

	private final Messages messages;

	private final SenderMails mails;

	private final NotifySettings settings;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Session session;

	SenderNotifications(Messages messages, SenderMails mails, NotifySettings settings, JdbcClient jdbc, Clock clock) {
		this.messages = messages;
		this.mails = mails;
		this.settings = settings;
		this.jdbc = jdbc;
		this.clock = clock;
		this.session = settings.enabled() ? Session.getInstance(properties(settings.smtp())) : null;
	}

	static Properties properties(NotifySettings.Smtp smtp) {
		String protocol = smtp.tls() ? "smtps" : "smtp";
		String prefix = "mail." + protocol + ".";
		Properties properties = new Properties();
		properties.setProperty("mail.transport.protocol", protocol);
		properties.setProperty(prefix + "host", smtp.host());
		properties.setProperty(prefix + "port", String.valueOf(smtp.port()));
		properties.setProperty(prefix + "connectiontimeout", String.valueOf(smtp.timeout().toMillis()));
		properties.setProperty(prefix + "timeout", String.valueOf(smtp.timeout().toMillis()));
		properties.setProperty(prefix + "writetimeout", String.valueOf(smtp.timeout().toMillis()));
		boolean auth = smtp.username() != null && !smtp.username().isBlank();
		properties.setProperty(prefix + "auth", String.valueOf(auth));
		if (smtp.tls()) {
			properties.setProperty(prefix + "ssl.checkserveridentity", "true");
		}
		if (smtp.starttls()) {
			properties.setProperty(prefix + "starttls.enable", "true");
			properties.setProperty(prefix + "starttls.required", "true");
		}
		return properties;
	}

	@ApplicationModuleListener
	void on(MessageStatusChanged changed) throws MessagingException {
		if (changed.to() != MessageStatus.RECEIVED && changed.to() != MessageStatus.REJECTED) {
			return;
		}
		if (!settings.enabled()) {
			return;
		}
		MessageView message = messages.find(changed.messageId()).orElse(null);
		if (message == null) {
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
		String recipient = recipient(message.senderEmail());
		if (recipient == null) {
			log.info("Not answering message {}: the sender address cannot be used", message.id());
			return;
		}
		String kind = changed.to().name();
		if (alreadySent(message, kind)) {
			return;
		}
		SenderMail words = changed.to() == MessageStatus.RECEIVED ? mails.received(message.id(),
				notes.notTaken().stream().limit(20).toList(), unprintable(message.body()))
				: mails.rejected(message.id(), changed.detail());
		send(recipient, words);
		jdbc.sql("INSERT INTO sender_notification (message_id, kind, recipient, sent_at) VALUES (?, ?, ?, ?)")
			.params(message.id().toString(), kind, recipient, clock.instant().atOffset(ZoneOffset.UTC))
			.update();
		log.debug("Told {} about message {}: {}", recipient, message.id(), kind);
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
		MimeMessage mail = new MimeMessage(session);
		mail.setFrom(new InternetAddress(settings.from(), true));
		mail.setRecipient(Message.RecipientType.TO, new InternetAddress(recipient, true));
		mail.setSubject(words.subject(), StandardCharsets.UTF_8.name());
		mail.setSentDate(Date.from(clock.instant()));
		// RFC 3834: autoresponders must not answer this, which closes the loop from their
		// side too.
		mail.setHeader("Auto-Submitted", "auto-replied");
		mail.setHeader("X-Auto-Response-Suppress", "All");
		mail.setText(words.body(), StandardCharsets.UTF_8.name(), "plain");
		NotifySettings.Smtp smtp = settings.smtp();
		if (smtp.username() != null && !smtp.username().isBlank()) {
			Transport.send(mail, smtp.username(), smtp.password());
		}
		else {
			Transport.send(mail);
		}
	}

}
