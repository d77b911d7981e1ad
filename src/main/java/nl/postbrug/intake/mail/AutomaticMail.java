package nl.postbrug.intake.mail;

import java.util.List;
import java.util.Locale;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import nl.postbrug.intake.IntakeReason;
import nl.postbrug.intake.Reason;

/**
 * Recognises mail that must never be answered: auto-replies, bulk and list mail, delivery
 * and read reports, and the system's own mail (RFC 3834 and common practice). Answering
 * any of them risks a mail loop or backscatter.
 */
final class AutomaticMail {

	private final List<String> ownAddresses;

	AutomaticMail(List<String> ownAddresses) {
		this.ownAddresses = ownAddresses;
	}

	/** Why this mail must not be answered, or {@code null} when it may be. */
	Reason cause(MimeMessage mail, String sender) {
		String auto = HeaderText.first(mail, "Auto-Submitted");
		if (auto != null && !auto.strip().toLowerCase(Locale.ROOT).startsWith("no")) {
			return IntakeReason.AUTOMATIC.with(HeaderText.clip(auto, 100));
		}
		String precedence = HeaderText.first(mail, "Precedence");
		if (precedence != null
				&& precedence.strip().toLowerCase(Locale.ROOT).matches("(bulk|junk|list|auto_reply).*")) {
			return IntakeReason.BULK.with(HeaderText.clip(precedence, 100));
		}
		if (HeaderText.first(mail, "X-Autoreply") != null || HeaderText.first(mail, "X-Autorespond") != null) {
			return IntakeReason.AUTO_REPLY.with();
		}
		String returnPath = HeaderText.first(mail, "Return-Path");
		if (returnPath != null && returnPath.replaceAll("\\s", "").equals("<>")) {
			return IntakeReason.NULL_SENDER.with();
		}
		if (isReport(mail)) {
			return IntakeReason.REPORT.with();
		}
		String local = sender.substring(0, sender.indexOf('@'));
		if (local.equals("mailer-daemon") || local.equals("postmaster")) {
			return IntakeReason.DELIVERY_REPORT.with(local);
		}
		if (HeaderText.first(mail, "List-Id") != null || HeaderText.first(mail, "List-Unsubscribe") != null) {
			return IntakeReason.MAILING_LIST.with();
		}
		if (ownAddresses.contains(sender)) {
			return IntakeReason.OWN_ADDRESS.with();
		}
		return null;
	}

	private static boolean isReport(MimeMessage mail) {
		try {
			return mail.isMimeType("multipart/report") || mail.isMimeType("message/delivery-status");
		}
		catch (MessagingException ex) {
			// a broken Content-Type is not a report
			return false;
		}
	}

}
