package nl.postbrug.notify;

import java.time.Clock;
import java.time.ZoneOffset;

import jakarta.mail.MessagingException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.postbrug.delivery.ReplyStatus;
import nl.postbrug.delivery.ReplyStatusChanged;
import nl.postbrug.intake.MessageView;
import nl.postbrug.intake.Messages;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells a sender, in Dutch and English, that the prisoner's reply to their message can be
 * read in the portal, or, in general terms, that a reply could not be passed on. The mail
 * never carries the reply itself: it is read after signing in. A withheld reply is not
 * announced.
 */
@Component
class ReplyNotices {

	private static final Logger log = LoggerFactory.getLogger(ReplyNotices.class);

	private final Messages messages;

	private final SenderMails mails;

	private final NotifySettings settings;

	private final SmtpOutbox outbox;

	private final JdbcClient jdbc;

	private final Clock clock;

	ReplyNotices(Messages messages, SenderMails mails, NotifySettings settings, SmtpOutbox outbox, JdbcClient jdbc,
			Clock clock) {
		this.messages = messages;
		this.mails = mails;
		this.settings = settings;
		this.outbox = outbox;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(ReplyStatusChanged changed) throws MessagingException {
		if (!settings.enabled() || (changed.to() != ReplyStatus.APPROVED && changed.to() != ReplyStatus.REJECTED)) {
			return;
		}
		MessageView message = messages.find(changed.messageId()).orElse(null);
		String recipient = message == null || message.contactId() == null ? null
				: SenderNotifications.recipient(message.senderEmail());
		if (recipient == null) {
			log.info("Not telling anyone about reply {}: its message has no known sender address", changed.replyId());
			return;
		}
		if (jdbc.sql("SELECT COUNT(*) FROM reply_notification WHERE reply_id = ?")
			.param(changed.replyId().toString())
			.query(Long.class)
			.single() > 0) {
			return;
		}
		String key = changed.to() == ReplyStatus.APPROVED ? "notify.reply.approved" : "notify.reply.rejected";
		String reference = message.id().toString().substring(0, 8);
		SenderMail words = mails.mail(key + ".subject", reference,
				locale -> mails.text(key + ".body", locale, reference) + "\n");
		outbox.send(recipient, words, "auto-replied");
		jdbc.sql("INSERT INTO reply_notification (reply_id, kind, recipient, sent_at) VALUES (?, ?, ?, ?)")
			.params(changed.replyId().toString(), changed.to().name(), recipient,
					clock.instant().atOffset(ZoneOffset.UTC))
			.update();
	}

}
