package nl.postbrug.notify;

import java.time.Duration;

import nl.postbrug.RetryBackOff;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a sender mail the SMTP server did not take is tried again
 * ({@code postbrug.notify.retry.*}): after {@code min}, the wait doubling per attempt up
 * to {@code max} ({@link RetryBackOff}); due mails are looked for every {@code sweep}.
 */
@ConfigurationProperties("postbrug.notify.retry")
record NotifyRetrySettings(@DefaultValue("30s") Duration min, @DefaultValue("30m") Duration max,
		@DefaultValue("15s") Duration sweep) {

	/** The wait after the given number of failed attempts (1 or more). */
	Duration after(int attempts) {
		return new RetryBackOff(min, max).after(attempts);
	}

}
