package nl.postbrug.screening.web;

import java.time.Instant;
import java.util.Map;

import nl.postbrug.registry.PostbrugUser;
import nl.postbrug.screening.TriageModels;
import nl.postbrug.screening.triage.TriageModel;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The triage model in use and its figures, and training on demand (the schedule trains it
 * too). 404 while no model is in use; screening then runs on rules alone.
 */
@RestController
class TriageModelController {

	private final TriageModels models;

	TriageModelController(TriageModels models) {
		this.models = models;
	}

	/** No model is in use; screening runs on the rules alone. */
	static class NoModel extends RuntimeException {

		private final String reason;

		NoModel(String reason) {
			super(reason + "; screening runs on rules alone");
			this.reason = reason;
		}

		/** Why the model file did not load, in the terms of the file. */
		String reason() {
			return reason;
		}

	}

	record ModelView(String version, Instant trainedAt, int examples, int reviewed, String dataDigest,
			Map<String, Double> metrics) {

		static ModelView of(TriageModel model) {
			TriageModel.Info info = model.info();
			return new ModelView(info.version(), info.trainedAt(), info.examples(), info.reviewed(), info.dataDigest(),
					info.metrics());
		}

	}

	@GetMapping("/api/v1/screening/model")
	@PreAuthorize("hasAnyRole('FACILITY_ADMIN', 'SCREENER', 'AUDITOR')")
	ModelView current() {
		return models.current().map(ModelView::of).orElseThrow(() -> new NoModel(models.problem()));
	}

	@PostMapping("/api/v1/screening/model/train")
	// One model serves every facility: only an administrator of all of them retrains it.
	@PreAuthorize("hasRole('FACILITY_ADMIN') and principal.allFacilities()")
	ModelView train(@AuthenticationPrincipal PostbrugUser admin) {
		return ModelView.of(models.train(admin.getUsername()));
	}

}
