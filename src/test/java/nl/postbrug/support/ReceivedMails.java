package nl.postbrug.support;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.icegreen.greenmail.base.GreenMailOperations;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * The mails a test SMTP server received about one message: a sender mail names the
 * message by the first eight characters of its id in the subject.
 */
public final class ReceivedMails {

	private ReceivedMails() {
	}

	public static String reference(UUID id) {
		return id.toString().substring(0, 8);
	}

	public static List<MimeMessage> about(GreenMailOperations smtp, UUID id) throws MessagingException {
		List<MimeMessage> about = new ArrayList<>();
		for (MimeMessage mail : smtp.getReceivedMessages()) {
			if (mail.getSubject().contains(reference(id))) {
				about.add(mail);
			}
		}
		return about;
	}

}
