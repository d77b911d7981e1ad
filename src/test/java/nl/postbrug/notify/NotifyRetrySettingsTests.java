package nl.postbrug.notify;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NotifyRetrySettingsTests {

	@Test
	void theWaitDoublesPerFailedAttemptUpToTheMaximum() {
		NotifyRetrySettings settings = new NotifyRetrySettings(Duration.ofSeconds(30), Duration.ofMinutes(30),
				Duration.ofSeconds(15));
		assertThat(settings.after(1)).isEqualTo(Duration.ofSeconds(30));
		assertThat(settings.after(2)).isEqualTo(Duration.ofMinutes(1));
		assertThat(settings.after(3)).isEqualTo(Duration.ofMinutes(2));
		assertThat(settings.after(7)).isEqualTo(Duration.ofMinutes(30));
		assertThat(settings.after(1000)).isEqualTo(Duration.ofMinutes(30));
	}

}
