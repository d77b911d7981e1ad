package nl.postbrug.screening.web;

import java.util.List;

import nl.postbrug.registry.PostbrugUser;
import nl.postbrug.registry.Role;
import nl.postbrug.registry.security.PostbrugWebSecurity;
import nl.postbrug.screening.ScreeningRulesReloaded;
import nl.postbrug.screening.rules.MalformedRules;
import nl.postbrug.screening.rules.RuleBook;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static nl.postbrug.support.Problems.forbidden;
import static nl.postbrug.support.Problems.problem;
import static nl.postbrug.support.Problems.unauthorized;
import static nl.postbrug.support.Users.allBut;
import static nl.postbrug.support.Users.as;
import static nl.postbrug.support.Users.staff;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The screening rules API: who may read and reload, and a malformed file's answer. */
@WebMvcTest(RulesController.class)
@PostbrugWebSecurity
@RecordApplicationEvents
class RulesControllerTests {

	static final RuleBook.Loaded LOADED = new RuleBook.Loaded("r-7", List.of("PIA", "PIV"), 42);

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationEvents events;

	@MockitoBean
	RuleBook rules;

	@Test
	void administratorsScreenersAndAuditorsSeeTheRulesInForce() throws Exception {
		given(rules.loaded()).willReturn(LOADED);
		for (Role role : new Role[] { Role.FACILITY_ADMIN, Role.SCREENER, Role.AUDITOR }) {
			mvc.perform(get("/api/v1/screening/rules").with(as(staff(role))))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.version").value("r-7"))
				.andExpect(jsonPath("$.facilities[1]").value("PIV"))
				.andExpect(jsonPath("$.words").value(42));
		}
	}

	@Test
	void aReloadAnswersTheNewRulesAndRecordsWhoReloaded() throws Exception {
		given(rules.reload()).willReturn(LOADED);
		mvc.perform(post("/api/v1/screening/rules/reload").with(as(staff(Role.FACILITY_ADMIN))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.version").value("r-7"));
		assertThat(events.stream(ScreeningRulesReloaded.class))
			.containsExactly(new ScreeningRulesReloaded("r-7", List.of("PIA", "PIV"), "facility_admin"));
	}

	@Test
	void aMalformedRuleFileIsRefusedWithFileAndLineAndTheRulesInForceStay() throws Exception {
		given(rules.reload()).willThrow(new MalformedRules("PIA.rules", 12, "unknown section [wrods]"));
		mvc.perform(post("/api/v1/screening/rules/reload").with(as(staff(Role.FACILITY_ADMIN))))
			.andExpect(problem(422, "Regelbestand geweigerd; de huidige regels blijven gelden",
					"Het regelbestand PIA.rules kan niet worden gebruikt (regel 12)."))
			.andExpect(jsonPath("$.reason").value(containsString("PIA.rules:12: unknown section")))
			.andExpect(jsonPath("$.file").value("PIA.rules"))
			.andExpect(jsonPath("$.line").value(12));
		assertThat(events.stream(ScreeningRulesReloaded.class)).isEmpty();
	}

	@Test
	void withoutCredentialsTheAnswerIs401() throws Exception {
		mvc.perform(get("/api/v1/screening/rules")).andExpect(unauthorized());
		mvc.perform(post("/api/v1/screening/rules/reload")).andExpect(unauthorized());
		verifyNoInteractions(rules);
	}

	@Test
	void otherRolesAreForbidden() throws Exception {
		for (PostbrugUser user : allBut(Role.FACILITY_ADMIN, Role.SCREENER, Role.AUDITOR)) {
			mvc.perform(get("/api/v1/screening/rules").with(as(user))).andExpect(forbidden());
		}
		for (PostbrugUser user : allBut(Role.FACILITY_ADMIN)) {
			mvc.perform(post("/api/v1/screening/rules/reload").with(as(user))).andExpect(forbidden());
		}
		verifyNoInteractions(rules);
	}

}
