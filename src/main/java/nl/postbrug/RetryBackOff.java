package nl.postbrug;

import java.time.Duration;

import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The one back-off of the service, for everything that tries a peer again (the printer,
 * the SMTP server, the IMAP server): {@code first} after the first failed attempt,
 * doubled after each further one, at most {@code longest} (Spring's
 * {@link ExponentialBackOff}). The wait is a function of the count of failed attempts, so
 * a count kept on a database row gives the same wait after a restart and on another node.
 */
public final class RetryBackOff {

	private final ExponentialBackOff backOff;

	public RetryBackOff(Duration first, Duration longest) {
		this.backOff = new ExponentialBackOff(first.toMillis(), 2.0);
		this.backOff.setMaxInterval(longest.toMillis());
	}

	/**
	 * The wait after the {@code attempts}-th failed attempt in a row (the first counts as
	 * 1; 0, a count not yet kept, waits as the first).
	 */
	public Duration after(int attempts) {
		BackOffExecution execution = backOff.start();
		long wait = execution.nextBackOff();
		for (int attempt = 2; attempt <= attempts && wait < backOff.getMaxInterval(); attempt++) {
			wait = execution.nextBackOff();
		}
		return Duration.ofMillis(wait == BackOffExecution.STOP ? backOff.getMaxInterval() : wait);
	}

}
