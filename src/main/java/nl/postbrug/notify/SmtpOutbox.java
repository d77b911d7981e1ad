package nl.postbrug.notify;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import java.util.Properties;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.springframework.stereotype.Component;

/**
 * The one way notify puts a mail on the wire: plain text in UTF-8 from
 * {@code postbrug.notify.from}, marked as automatic (RFC 3834) so that no autoresponder
 * answers it, over the configured SMTP server. A refusal is thrown to the caller, which
 * decides whether to try again.
 */
@Component
class SmtpOutbox {

	private final NotifySettings settings;

	private final Clock clock;

	private final Session session;

	SmtpOutbox(NotifySettings settings, Clock clock) {
		this.settings = settings;
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

	/** Whether an SMTP server is configured; without one nothing is sent. */
	boolean enabled() {
		return session != null;
	}

	/**
	 * @param autoSubmitted {@code auto-replied} for an answer to a sender's message,
	 * {@code auto-generated} for a mail of the service's own
	 */
	void send(String recipient, SenderMail words, String autoSubmitted) throws MessagingException {
		MimeMessage mail = new MimeMessage(session);
		mail.setFrom(new InternetAddress(settings.from(), true));
		mail.setRecipient(Message.RecipientType.TO, new InternetAddress(recipient, true));
		mail.setSubject(words.subject(), StandardCharsets.UTF_8.name());
		mail.setSentDate(Date.from(clock.instant()));
		mail.setHeader("Auto-Submitted", autoSubmitted);
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
