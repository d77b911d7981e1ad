package nl.postbrug;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RetryBackOffTests {

	private final RetryBackOff backOff = new RetryBackOff(Duration.ofMinutes(5), Duration.ofHours(1));

	@Test
	void theFirstWaitIsTheRetryIntervalAndEachFurtherAttemptDoublesIt() {
		assertThat(backOff.after(1)).isEqualTo(Duration.ofMinutes(5));
		assertThat(backOff.after(2)).isEqualTo(Duration.ofMinutes(10));
		assertThat(backOff.after(3)).isEqualTo(Duration.ofMinutes(20));
		assertThat(backOff.after(4)).isEqualTo(Duration.ofMinutes(40));
	}

	@Test
	void theWaitNeverExceedsTheMaximum() {
		assertThat(backOff.after(5)).isEqualTo(Duration.ofHours(1));
		assertThat(backOff.after(Integer.MAX_VALUE)).isEqualTo(Duration.ofHours(1));
		assertThat(new RetryBackOff(Duration.ofHours(2), Duration.ofHours(1)).after(1)).isEqualTo(Duration.ofHours(1));
	}

	@Test
	void aWaitWithoutACountedAttemptIsTheFirstInterval() {
		assertThat(backOff.after(0)).isEqualTo(Duration.ofMinutes(5));
	}

}
