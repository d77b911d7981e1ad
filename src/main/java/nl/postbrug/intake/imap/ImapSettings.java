package nl.postbrug.intake.imap;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The mailbox relatives write to ({@code postbrug.intake.imap.*}). Polling is off unless
 * a host is set.
 *
 * @param tls implicit TLS (IMAPS, port 993); otherwise plain IMAP, upgraded when
 * {@code starttls} is set
 * @param processedFolder where taken mail is moved (created when missing); blank: taken
 * mail is flagged and left in place instead
 * @param pollInterval pause between polls while all is well
 * @param retryMin first pause after a failed poll; it doubles on each failure up to
 * {@code retryMax}
 * @param failuresUntilDown consecutive failed polls before {@code /actuator/health}
 * reports the poller DOWN
 * @param batchSize messages taken per poll at most
 */
@ConfigurationProperties("postbrug.intake.imap")
public record ImapSettings(String host, @DefaultValue("993") int port, @DefaultValue("true") boolean tls,
		@DefaultValue("false") boolean starttls, String user, String password, @DefaultValue("INBOX") String folder,
		@DefaultValue("Processed") String processedFolder, @DefaultValue("60s") Duration pollInterval,
		@DefaultValue("5s") Duration retryMin, @DefaultValue("10m") Duration retryMax,
		@DefaultValue("3") int failuresUntilDown, @DefaultValue("30s") Duration timeout,
		@DefaultValue("200") int batchSize) {

	public boolean enabled() {
		return host != null && !host.isBlank();
	}

	/** The name the (UIDVALIDITY, UID) dedupe keys are kept under. */
	String mailbox() {
		String name = (user == null ? "" : user) + "@" + host + ":" + port + "/" + folder;
		return name.length() > 400 ? name.substring(0, 400) : name;
	}

}
