package nl.postbrug.letters.web;

import java.nio.file.Path;
import java.util.Map;

import nl.postbrug.letters.BrokenTemplate;
import nl.postbrug.letters.LetterRendering;
import nl.postbrug.letters.PrintTemplates;
import nl.postbrug.letters.PrintTemplatesReloaded;
import nl.postbrug.registry.PostbrugUser;
import nl.postbrug.registry.Role;
import nl.postbrug.registry.security.PostbrugWebSecurity;
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

/** The print templates API: who may read and reload, and a broken template's answer. */
@WebMvcTest(TemplatesController.class)
@PostbrugWebSecurity
@RecordApplicationEvents
class TemplatesControllerTests {

	static final PrintTemplates TEMPLATES = new PrintTemplates("v-1", "print-templates",
			Map.of("letter.html", "ab".repeat(32)));

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationEvents events;

	@MockitoBean
	LetterRendering rendering;

	@Test
	void administratorsAndAuditorsSeeTheTemplatesInUse() throws Exception {
		given(rendering.templates()).willReturn(TEMPLATES);
		for (PostbrugUser user : new PostbrugUser[] { staff(Role.FACILITY_ADMIN), staff(Role.AUDITOR) }) {
			mvc.perform(get("/api/v1/letters/templates").with(as(user)))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.version").value("v-1"))
				.andExpect(jsonPath("$.files['letter.html']").value("ab".repeat(32)));
		}
	}

	@Test
	void aReloadAnswersTheNewTemplatesAndRecordsWhoReloaded() throws Exception {
		given(rendering.reload()).willReturn(TEMPLATES);
		mvc.perform(post("/api/v1/letters/templates/reload").with(as(staff(Role.FACILITY_ADMIN))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.version").value("v-1"));
		assertThat(events.stream(PrintTemplatesReloaded.class))
			.containsExactly(new PrintTemplatesReloaded("v-1", "facility_admin"));
	}

	@Test
	void aBrokenTemplateIsRefusedWithItsFileAndTheTemplatesInUseStay() throws Exception {
		given(rendering.reload())
			.willThrow(new BrokenTemplate(Path.of("/templates/letter.html"), "unclosed element <p> at line 3", null));
		mvc.perform(post("/api/v1/letters/templates/reload").with(as(staff(Role.FACILITY_ADMIN))))
			.andExpect(problem(422, "Afdruksjabloon geweigerd; de huidige sjablonen blijven in gebruik",
					"Het sjabloon /templates/letter.html kan niet worden gebruikt."))
			.andExpect(jsonPath("$.reason").value(containsString("unclosed element")))
			.andExpect(jsonPath("$.file").value("/templates/letter.html"));
		assertThat(events.stream(PrintTemplatesReloaded.class)).isEmpty();
	}

	@Test
	void withoutCredentialsTheAnswerIs401() throws Exception {
		mvc.perform(get("/api/v1/letters/templates")).andExpect(unauthorized());
		mvc.perform(post("/api/v1/letters/templates/reload")).andExpect(unauthorized());
		verifyNoInteractions(rendering);
	}

	@Test
	void otherRolesAreForbidden() throws Exception {
		for (PostbrugUser user : allBut(Role.FACILITY_ADMIN, Role.AUDITOR)) {
			mvc.perform(get("/api/v1/letters/templates").with(as(user))).andExpect(forbidden());
		}
		for (PostbrugUser user : allBut(Role.FACILITY_ADMIN)) {
			mvc.perform(post("/api/v1/letters/templates/reload").with(as(user))).andExpect(forbidden());
		}
		verifyNoInteractions(rendering);
	}

}
