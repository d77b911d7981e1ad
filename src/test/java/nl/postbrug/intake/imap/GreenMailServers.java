package nl.postbrug.intake.imap;

import java.io.ByteArrayInputStream;
import java.util.Properties;

import jakarta.mail.Address;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import nl.postbrug.support.FreePort;

/**
 * A GreenMail SMTP and IMAP server on loopback, on ports chosen once per test class so
 * that a stopped and restarted server answers where the poller expects it. The mailbox
 * Postbrug polls is {@code post@postbrug.example.org} (login {@code post}).
 */
final class GreenMailServers {

	static final String MAILBOX = "post@postbrug.example.org";

	static final String LOGIN = "post";

	static final String PASSWORD = "secret";

	final int smtpPort = FreePort.onLoopback();

	final int imapPort = FreePort.onLoopback();

	final GreenMailExtension greenMail = new GreenMailExtension(
			new ServerSetup[] { new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
					new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP) })
		.withConfiguration(GreenMailConfiguration.aConfig().withUser(MAILBOX, LOGIN, PASSWORD))
		.withPerMethodLifecycle(false);

	/** Delivers raw mail bytes over SMTP to the polled mailbox, exactly as they are. */
	void deliver(byte[] raw) {
		Properties properties = new Properties();
		properties.setProperty("mail.smtp.host", "127.0.0.1");
		properties.setProperty("mail.smtp.port", String.valueOf(smtpPort));
		Session session = Session.getInstance(properties);
		try {
			MimeMessage mail = new MimeMessage(session, new ByteArrayInputStream(raw));
			try (Transport transport = session.getTransport("smtp")) {
				transport.connect();
				// sendMessage, not Transport.send: no saveChanges(), so the bytes (and
				// Message-ID) stay as given
				transport.sendMessage(mail, new Address[] { new InternetAddress(MAILBOX) });
			}
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Messages in a folder of the polled mailbox; 0 when the folder does not exist. */
	int count(String folder) {
		Properties properties = new Properties();
		Session session = Session.getInstance(properties);
		try (Store store = session.getStore("imap")) {
			store.connect("127.0.0.1", imapPort, LOGIN, PASSWORD);
			Folder box = store.getFolder(folder);
			if (!box.exists()) {
				return 0;
			}
			box.open(Folder.READ_ONLY);
			try {
				return box.getMessageCount();
			}
			finally {
				box.close(false);
			}
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
