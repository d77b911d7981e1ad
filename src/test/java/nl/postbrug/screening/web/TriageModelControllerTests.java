package nl.postbrug.screening.web;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import nl.postbrug.registry.PostbrugUser;
import nl.postbrug.registry.Role;
import nl.postbrug.registry.security.PostbrugWebSecurity;
import nl.postbrug.screening.TriageModels;
import nl.postbrug.screening.triage.LabelledSet;
import nl.postbrug.screening.triage.TriageModel;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static nl.postbrug.support.Problems.forbidden;
import static nl.postbrug.support.Problems.problem;
import static nl.postbrug.support.Problems.unauthorized;
import static nl.postbrug.support.Users.allBut;
import static nl.postbrug.support.Users.as;
import static nl.postbrug.support.Users.staff;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The triage model API: who may read it and train it, and what bad training data gets.
 */
@WebMvcTest(TriageModelController.class)
@PostbrugWebSecurity
class TriageModelControllerTests {

	static final TriageModel MODEL = TriageModel.train(LabelledSet.parse("tiny.tsv",
			"label\ttext\nrisky\tZeg tegen Bas dat hij de tas zaterdag moet ophalen\nbenign\tWe komen zaterdag op bezoek\n"),
			0, Instant.parse("2026-12-01T10:00:00Z"), Map.of("riskyRecall", 0.96, "benignRecall", 0.9));

	@Autowired
	MockMvc mvc;

	@MockitoBean
	TriageModels models;

	@Test
	void administratorsScreenersAndAuditorsSeeTheModelAndItsFigures() throws Exception {
		given(models.current()).willReturn(Optional.of(MODEL));
		for (Role role : new Role[] { Role.FACILITY_ADMIN, Role.SCREENER, Role.AUDITOR }) {
			mvc.perform(get("/api/v1/screening/model").with(as(staff(role))))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.version").value(MODEL.version()))
				.andExpect(jsonPath("$.trainedAt").value("2026-12-01T10:00:00Z"))
				.andExpect(jsonPath("$.examples").value(2))
				.andExpect(jsonPath("$.metrics.riskyRecall").value(0.96));
		}
	}

	@Test
	void withoutAModelTheAnswerIs404WithTheReason() throws Exception {
		given(models.current()).willReturn(Optional.empty());
		given(models.problem()).willReturn("data/triage/triage-model.bin is damaged: its checksum does not match");
		mvc.perform(get("/api/v1/screening/model").with(as(staff(Role.SCREENER))))
			.andExpect(problem(404, "Geen triagemodel in gebruik", "alleen met de regels"))
			.andExpect(jsonPath("$.reason").value(containsString("damaged")));
	}

	@Test
	void anAdministratorTrainsAndGetsTheNewModelsFigures() throws Exception {
		given(models.train("facility_admin")).willReturn(MODEL);
		mvc.perform(post("/api/v1/screening/model/train").with(as(staff(Role.FACILITY_ADMIN))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.version").value(MODEL.version()))
			.andExpect(jsonPath("$.metrics.benignRecall").value(0.9));
	}

	@Test
	void aMalformedTrainingSetIsRefusedAndTheModelInUseStays() throws Exception {
		given(models.train("facility_admin")).willThrow(new LabelledSet.Malformed(
				"seed.tsv: line 7 has 3 fields; write 'risky' or 'benign', one tab, then the message on one line"));
		mvc.perform(post("/api/v1/screening/model/train").with(as(staff(Role.FACILITY_ADMIN))))
			.andExpect(
					problem(422, "Trainingsset geweigerd; het huidige model blijft in gebruik", "verbeter het bestand"))
			.andExpect(jsonPath("$.reason").value(containsString("line 7 has 3 fields")));
	}

	@Test
	void withoutCredentialsTheAnswerIs401AndOtherRolesAreForbidden() throws Exception {
		mvc.perform(get("/api/v1/screening/model")).andExpect(unauthorized());
		mvc.perform(post("/api/v1/screening/model/train")).andExpect(unauthorized());
		for (PostbrugUser user : allBut(Role.FACILITY_ADMIN, Role.SCREENER, Role.AUDITOR)) {
			mvc.perform(get("/api/v1/screening/model").with(as(user))).andExpect(forbidden());
		}
		for (PostbrugUser user : allBut(Role.FACILITY_ADMIN)) {
			mvc.perform(post("/api/v1/screening/model/train").with(as(user))).andExpect(forbidden());
		}
		verifyNoInteractions(models);
	}

}
