package nl.postbrug.intake.imap;

import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;

/**
 * The poller's one connection to the IMAP server: made when a poll needs it, kept while
 * it works, dropped after a failure so that the next poll starts afresh. Messages are
 * read with peek (the {@code \Seen} flag is never set by us) and large ones in 64 KB
 * pieces.
 */
final class ImapConnection {

	private final ImapSettings settings;

	private final Session session;

	private Store store;

	ImapConnection(ImapSettings settings) {
		this.settings = settings;
		this.session = Session.getInstance(properties(settings));
	}

	private static Properties properties(ImapSettings settings) {
		String protocol = settings.tls() ? "imaps" : "imap";
		String prefix = "mail." + protocol + ".";
		String timeout = String.valueOf(settings.timeout().toMillis());
		Properties properties = new Properties();
		properties.setProperty("mail.store.protocol", protocol);
		properties.setProperty(prefix + "connectiontimeout", timeout);
		properties.setProperty(prefix + "timeout", timeout);
		properties.setProperty(prefix + "peek", "true");
		properties.setProperty(prefix + "partialfetch", "true");
		properties.setProperty(prefix + "fetchsize", "65536");
		if (settings.tls()) {
			properties.setProperty(prefix + "ssl.checkserveridentity", "true");
		}
		if (settings.starttls()) {
			properties.setProperty(prefix + "starttls.enable", "true");
			properties.setProperty(prefix + "starttls.required", "true");
		}
		return properties;
	}

	/** The connected store, connecting (again) when there is none. */
	synchronized Store connect() throws MessagingException {
		if (store != null && store.isConnected()) {
			return store;
		}
		disconnect();
		Store fresh = session.getStore();
		fresh.connect(settings.host(), settings.port(), settings.user(), settings.password());
		store = fresh;
		return fresh;
	}

	synchronized void disconnect() {
		if (store != null) {
			try {
				store.close();
			}
			catch (MessagingException | RuntimeException ex) {
				// already gone
			}
			store = null;
		}
	}

}
