package nl.postbrug.notify;

import jakarta.mail.MessagingException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.postbrug.registry.AccountAlreadyRegistered;
import nl.postbrug.registry.AccountCodeIssued;
import nl.postbrug.registry.AccountCodePurpose;
import nl.postbrug.registry.ApprovalDecided;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Mails to relatives about their account: the one-time code to verify an address or reset
 * a password, the note that an address already has an account, and the decision on a
 * request to write to a prisoner. Dutch first, then English, like every sender mail. The
 * code is never logged.
 */
@Component
class AccountMails {

	private static final Logger log = LoggerFactory.getLogger(AccountMails.class);

	private final SenderMails mails;

	private final SmtpOutbox outbox;

	AccountMails(SenderMails mails, SmtpOutbox outbox) {
		this.mails = mails;
		this.outbox = outbox;
	}

	@ApplicationModuleListener
	void on(AccountCodeIssued issued) throws MessagingException {
		String kind = issued.purpose() == AccountCodePurpose.VERIFY ? "verify" : "reset";
		send(issued.email(),
				// The code stays out of the subject: lock screens and mail lists show
				// subjects to anyone near the phone.
				mails.mail("notify.account." + kind + ".subject", null,
						locale -> mails.text("notify.account." + kind + ".body", locale, issued.name(), issued.code(),
								issued.validMinutes()) + "\n"));
	}

	@ApplicationModuleListener
	void on(AccountAlreadyRegistered known) throws MessagingException {
		send(known.email(), mails.mail("notify.account.known.subject", null,
				locale -> mails.text("notify.account.known.body", locale, known.name()) + "\n"));
	}

	@ApplicationModuleListener
	void on(ApprovalDecided decided) throws MessagingException {
		String kind = decided.approved() ? "approved" : "refused";
		send(decided.email(),
				mails
					.mail("notify.approval." + kind + ".subject", decided.registryNumber(),
							locale -> mails.text("notify.approval." + kind + ".body", locale, decided.name(),
									decided.registryNumber(), decided.reason() == null ? "" : decided.reason())
									+ "\n"));
	}

	private void send(String address, SenderMail words) throws MessagingException {
		if (!outbox.enabled()) {
			log.info("Mail is off (postbrug.notify.smtp.host is empty): no account mail sent");
			return;
		}
		String recipient = SenderNotifications.recipient(address);
		if (recipient == null) {
			return;
		}
		outbox.send(recipient, words, "auto-generated");
	}

}
