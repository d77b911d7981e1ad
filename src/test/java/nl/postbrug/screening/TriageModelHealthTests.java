package nl.postbrug.screening;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;

import nl.postbrug.screening.triage.LabelledSet;
import nl.postbrug.screening.triage.ModelFile;
import nl.postbrug.screening.triage.TriageModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.health.actuate.endpoint.SimpleStatusAggregator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

/** A missing or damaged model file: rules alone, the model DEGRADED, the service UP. */
class TriageModelHealthTests {

	@TempDir
	Path dir;

	private TriageModels models() {
		return new TriageModels(
				new TriageSettings(dir, java.util.List.of(Path.of("samples/screening/seed.tsv")), "", false), null,
				null, null, event -> {
				}, Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC), null);
	}

	@Test
	void aDamagedModelFileLeavesTheModelDegradedAndTheServiceUp() throws Exception {
		Files.writeString(ModelFile.in(dir), "not a model");
		TriageModels models = models();
		assertThat(models.current()).isEmpty();
		Health health = new TriageModelHealth(models).health();
		assertThat(health.getStatus().getCode()).isEqualTo("DEGRADED");
		assertThat(health.getDetails()).containsEntry("mode", "rules only");
		assertThat(String.valueOf(health.getDetails().get("reason"))).contains("too short");
		assertThat(new SimpleStatusAggregator().getAggregateStatus(Set.of(Status.UP, health.getStatus())))
			.isEqualTo(Status.UP);
	}

	@Test
	void aMissingModelIsDegradedAndAGoodOneIsUpWithItsVersion() {
		assertThat(new TriageModelHealth(models()).health().getDetails().get("reason").toString())
			.contains("no model trained yet");
		TriageModel model = TriageModel.train(LabelledSet.read(Path.of("samples/screening/seed.tsv")), 0,
				Instant.parse("2026-12-01T09:00:00Z"), Map.of());
		ModelFile.write(ModelFile.in(dir), model);
		Health health = new TriageModelHealth(models()).health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("version", model.version());
	}

}
