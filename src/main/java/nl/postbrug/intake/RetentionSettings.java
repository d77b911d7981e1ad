package nl.postbrug.intake;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long what a message said (text, subject, photos, raw mail, and the PDFs made from
 * it) is kept after the message's last state change, once it has ended.
 *
 * @param defaultDays the period of a facility without its own {@code retention_days}, and
 * of messages for no facility
 * @param cron when the purge runs (Quartz cron, Europe/Amsterdam); empty: never
 * @param batchSize messages looked up per query; each is purged in its own transaction
 */
@ConfigurationProperties("postbrug.retention")
public record RetentionSettings(@DefaultValue("180") int defaultDays, @DefaultValue("0 15 2 * * ?") String cron,
		@DefaultValue("100") int batchSize) {

	public RetentionSettings {
		if (defaultDays < 1) {
			throw new IllegalArgumentException(
					"postbrug.retention.default-days must be at least 1, not " + defaultDays);
		}
		if (batchSize < 1) {
			throw new IllegalArgumentException("postbrug.retention.batch-size must be at least 1, not " + batchSize);
		}
	}

}
