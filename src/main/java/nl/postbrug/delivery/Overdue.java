package nl.postbrug.delivery;

import java.time.Clock;
import java.time.Duration;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import nl.postbrug.batches.Batches;
import nl.postbrug.batches.OverdueLetters;
import nl.postbrug.registry.Facility;
import nl.postbrug.registry.Registry;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Letters printed but not handed over within the facility's time
 * ({@link DeliverySettings#overdueAfter(String)}): for the postroom page, the API and the
 * gauge {@code postbrug.letters.overdue} (tag {@code facility}), which counts them
 * whenever it is read.
 */
@Service
public class Overdue implements OverdueLetters {

	static final String GAUGE = "postbrug.letters.overdue";

	private final Batches batches;

	private final Registry registry;

	private final DeliverySettings settings;

	private final MeterRegistry meters;

	private final Clock clock;

	Overdue(Batches batches, Registry registry, DeliverySettings settings, MeterRegistry meters, Clock clock) {
		this.batches = batches;
		this.registry = registry;
		this.settings = settings;
		this.meters = meters;
		this.clock = clock;
	}

	@Override
	public OverdueLetters.Overdue of(Facility facility, int limit) {
		gauge(facility);
		Duration after = settings.overdueAfter(facility.code());
		java.time.Instant before = clock.instant().minus(after);
		return new OverdueLetters.Overdue(after, batches.overdueCount(facility.id(), before),
				batches.overdue(facility.id(), before, limit));
	}

	public long count(Facility facility) {
		return batches.overdueCount(facility.id(), clock.instant().minus(settings.overdueAfter(facility.code())));
	}

	/** Facilities imported at start-up are there once the application is ready. */
	@EventListener(ApplicationReadyEvent.class)
	void gauges() {
		registry.facilities().forEach(this::gauge);
	}

	private void gauge(Facility facility) {
		// Registering again answers the meter there is.
		Gauge.builder(GAUGE, () -> {
			try {
				return count(facility);
			}
			catch (RuntimeException ex) {
				return Double.NaN;
			}
		})
			.tag("facility", facility.code())
			.description("Letters printed and not handed over within the facility's time")
			.strongReference(true)
			.register(meters);
	}

}
