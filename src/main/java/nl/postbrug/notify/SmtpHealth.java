package nl.postbrug.notify;

import java.time.Duration;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The SMTP server of the sender mails in {@code /actuator/health} ({@code smtp}): UNKNOWN
 * while no server is configured (nothing is sent), UP when it accepts a connection (and
 * the login, if one is set), DOWN with the reason otherwise. Mails wait and are retried
 * while it is down, so it is not part of readiness. Boot's own mail indicator stays off:
 * it knows nothing of these settings.
 */
@Component("smtp")
class SmtpHealth implements HealthIndicator {

	/** A health check answers quickly, whatever the sending time-out is. */
	private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(5);

	private final NotifySettings settings;

	SmtpHealth(NotifySettings settings) {
		this.settings = settings;
	}

	@Override
	public Health health() {
		if (!settings.enabled()) {
			return Health.unknown().withDetail("smtp", "not configured").build();
		}
		NotifySettings.Smtp smtp = settings.smtp();
		String server = smtp.host() + ":" + smtp.port();
		Properties properties = SmtpOutbox.properties(smtp);
		String prefix = "mail." + (smtp.tls() ? "smtps" : "smtp") + ".";
		long timeout = Math.min(CHECK_TIMEOUT.toMillis(), smtp.timeout().toMillis());
		properties.setProperty(prefix + "connectiontimeout", String.valueOf(timeout));
		properties.setProperty(prefix + "timeout", String.valueOf(timeout));
		try (Transport transport = Session.getInstance(properties).getTransport()) {
			boolean login = smtp.username() != null && !smtp.username().isBlank();
			transport.connect(smtp.host(), smtp.port(), login ? smtp.username() : null, login ? smtp.password() : null);
			return Health.up().withDetail("server", server).build();
		}
		catch (MessagingException ex) {
			return Health.down()
				.withDetail("server", server)
				.withDetail("error", String.valueOf(ex.getMessage()))
				.build();
		}
	}

}
