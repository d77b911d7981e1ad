package nl.postbrug.notify;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Mails to senders ({@code postbrug.notify.*}). Nothing is sent while {@code smtp.host}
 * is empty.
 *
 * @param from the system's own address, the only From of every notification
 */
@ConfigurationProperties("postbrug.notify")
public record NotifySettings(@DefaultValue("postbrug@localhost") String from, @DefaultValue Smtp smtp) {

	/**
	 * @param tls implicit TLS (SMTPS, usually port 465)
	 * @param starttls upgrade a plain connection (usually port 587); required when set
	 */
	public record Smtp(String host, @DefaultValue("25") int port, String username, String password,
			@DefaultValue("false") boolean starttls, @DefaultValue("false") boolean tls,
			@DefaultValue("30s") Duration timeout) {
	}

	public boolean enabled() {
		return smtp != null && smtp.host() != null && !smtp.host().isBlank();
	}

}
