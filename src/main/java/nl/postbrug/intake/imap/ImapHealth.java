package nl.postbrug.intake.imap;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The IMAP poller in {@code /actuator/health}: UNKNOWN when IMAP is not configured (the
 * overall status stays UP), UP after a successful poll, DOWN with the last error after
 * repeated failed polls.
 */
@Component("imapIntake")
class ImapHealth implements HealthIndicator {

	private final ImapPoller poller;

	private final ImapSettings settings;

	ImapHealth(ImapPoller poller, ImapSettings settings) {
		this.poller = poller;
		this.settings = settings;
	}

	@Override
	public Health health() {
		ImapPoller.State state = poller.state();
		if (!state.enabled()) {
			return Health.unknown().withDetail("imap", "not configured").build();
		}
		if (state.failures() >= settings.failuresUntilDown()) {
			return Health.down()
				.withDetail("failures", state.failures())
				.withDetail("lastError", String.valueOf(state.lastError()))
				.withDetail("lastFailure", String.valueOf(state.lastFailure()))
				.withDetail("lastSuccess", String.valueOf(state.lastSuccess()))
				.withDetail("retryIn", String.valueOf(state.retryIn()))
				.build();
		}
		if (state.lastSuccess() == null) {
			return Health.unknown().withDetail("imap", "no poll has succeeded yet").build();
		}
		return Health.up()
			.withDetail("lastSuccess", state.lastSuccess().toString())
			.withDetail("failures", state.failures())
			.build();
	}

}
