package nl.postbrug.operations;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import nl.postbrug.batches.BatchSlots;

import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Readiness waits for the start-up work: the {@code startUp} health component (in the
 * readiness group and in {@code /actuator/health}) is OUT_OF_SERVICE until the runners
 * (reference and demo data, demo mail) and the ready listeners (batch recovery,
 * schedules) have finished and no missed batch slot is still being made up; then it turns
 * UP and the readiness state is set to ACCEPTING_TRAFFIC. The web server listens earlier,
 * so a load balancer asking readiness sends no request that would meet a half-loaded
 * service.
 */
@Component("startUp")
class StartUpWork implements HealthIndicator {

	private static final Logger log = LoggerFactory.getLogger(StartUpWork.class);

	private final BatchSlots slots;

	private final OperationsSettings settings;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private volatile boolean done;

	private volatile String waitingFor = "start-up (reference data, demo data, batch recovery)";

	StartUpWork(BatchSlots slots, OperationsSettings settings, ApplicationEventPublisher events, Clock clock) {
		this.slots = slots;
		this.settings = settings;
		this.events = events;
		this.clock = clock;
	}

	@Override
	public Health health() {
		return done ? Health.up().build() : Health.outOfService().withDetail("waitingFor", waitingFor).build();
	}

	boolean done() {
		return done;
	}

	/** After every runner and every other ready listener. */
	@EventListener(ApplicationReadyEvent.class)
	@Order(Ordered.LOWEST_PRECEDENCE)
	void on(ApplicationReadyEvent ready) {
		if (!slots.catchingUp()) {
			finish();
			return;
		}
		waitingFor = "missed batch slots being made up";
		Thread waiter = new Thread(this::awaitCatchUp, "start-up-work");
		waiter.setDaemon(true);
		waiter.start();
	}

	private void awaitCatchUp() {
		Instant until = clock.instant().plus(settings.startUpTimeout());
		try {
			while (slots.catchingUp()) {
				if (clock.instant().isAfter(until)) {
					log.warn("Missed batch slots are still being made up after {}; ready anyway",
							settings.startUpTimeout());
					break;
				}
				Thread.sleep(500);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return;
		}
		catch (RuntimeException ex) {
			log.warn("Could not tell whether missed batch slots are made up ({}); ready anyway", ex.getMessage());
		}
		finish();
	}

	private void finish() {
		done = true;
		AvailabilityChangeEvent.publish(events, this, ReadinessState.ACCEPTING_TRAFFIC);
		log.info("Start-up work done: ready for traffic");
	}

}
