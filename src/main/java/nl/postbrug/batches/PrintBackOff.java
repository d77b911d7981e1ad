package nl.postbrug.batches;

import java.time.Duration;

import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * How long a batch the printer did not print waits before it is tried again:
 * {@code retry-interval} after the first attempt, doubled after each further one, at most
 * {@code max-retry-interval} (Spring's {@link ExponentialBackOff}, as for the IMAP
 * poller). The attempts are counted on the batch row, so the wait survives a restart and
 * a change of node; every attempt counts, also one that failed before anything was sent
 * (the printer did not answer the question about the earlier job).
 */
final class PrintBackOff {

	private final ExponentialBackOff backOff;

	PrintBackOff(Duration first, Duration longest) {
		this.backOff = new ExponentialBackOff(first.toMillis(), 2.0);
		this.backOff.setMaxInterval(longest.toMillis());
	}

	/** The wait after the {@code attempts}-th failed attempt (the first counts as 1). */
	Duration after(int attempts) {
		BackOffExecution execution = backOff.start();
		long wait = execution.nextBackOff();
		for (int attempt = 2; attempt <= attempts; attempt++) {
			wait = execution.nextBackOff();
		}
		return Duration.ofMillis(wait == BackOffExecution.STOP ? backOff.getMaxInterval() : wait);
	}

}
