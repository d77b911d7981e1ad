package nl.postbrug.screening;

import nl.postbrug.screening.triage.TriageModel;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * The triage model in {@code /actuator/health}: UP with its version while one is in use;
 * {@code DEGRADED} with the reason when the file is missing or damaged. DEGRADED is not
 * in the status order, so the service as a whole stays UP: screening goes on with the
 * rules alone.
 */
@Component("triageModel")
class TriageModelHealth implements HealthIndicator {

	static final Status DEGRADED = new Status("DEGRADED", "screening runs on rules alone");

	private final TriageModels models;

	TriageModelHealth(TriageModels models) {
		this.models = models;
	}

	@Override
	public Health health() {
		return models.current()
			.map(TriageModelHealth::up)
			.orElseGet(() -> Health.status(DEGRADED)
				.withDetail("mode", "rules only")
				.withDetail("reason", String.valueOf(models.problem()))
				.build());
	}

	private static Health up(TriageModel model) {
		return Health.up()
			.withDetail("version", model.version())
			.withDetail("trainedAt", model.info().trainedAt().toString())
			.withDetail("examples", model.info().examples())
			.build();
	}

}
