package nl.postbrug.intake.imap;

import java.time.Clock;
import java.time.Duration;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.stereotype.Component;

/**
 * The IMAP poller in the metrics: {@code postbrug_imap_lag_seconds}, how long ago the
 * last poll succeeded (mail that arrived since waits at most this long plus a poll
 * interval; NaN while IMAP is off or no poll has succeeded yet), and
 * {@code postbrug_imap_failures}, failed polls in a row.
 */
@Component
class ImapMetrics implements MeterBinder {

	private final ImapPoller poller;

	private final Clock clock;

	ImapMetrics(ImapPoller poller, Clock clock) {
		this.poller = poller;
		this.clock = clock;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("postbrug.imap.lag", this, ImapMetrics::lagSeconds)
			.description("Seconds since the last successful IMAP poll")
			.baseUnit("seconds")
			.register(registry);
		Gauge.builder("postbrug.imap.failures", this, metrics -> metrics.poller.state().failures())
			.description("Failed IMAP polls in a row")
			.register(registry);
	}

	private double lagSeconds() {
		ImapPoller.State state = poller.state();
		if (!state.enabled() || state.lastSuccess() == null) {
			return Double.NaN;
		}
		return Duration.between(state.lastSuccess(), clock.instant()).toMillis() / 1000.0;
	}

}
