package nl.postbrug.audit.web;

import java.time.ZoneOffset;
import java.time.Instant;
import java.util.List;

import nl.postbrug.audit.AuditEvents;
import nl.postbrug.audit.AuditSettings;
import nl.postbrug.audit.AuditVerification;
import nl.postbrug.audit.Verification;
import nl.postbrug.registry.Role;
import nl.postbrug.registry.PostbrugUser;
import nl.postbrug.registry.security.PostbrugWebSecurity;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static nl.postbrug.support.Problems.forbidden;
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

@WebMvcTest(AuditController.class)
@PostbrugWebSecurity
class AuditControllerTests {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	AuditVerification log;

	@MockitoBean
	AuditEvents events;

	@MockitoBean
	AuditSettings settings;

	static Verification verification(boolean valid, long events, Long firstBroken) {
		return new Verification(valid, events, firstBroken,
				firstBroken == null ? null : Verification.Problem.CONTENT_CHANGED, 0,
				new Verification.Anchors(true, "key", 1, 1, events, null, List.of()));
	}

	@Test
	void anAuditorGetsTheChainCheck() throws Exception {
		given(log.verify()).willReturn(verification(false, 12, 7L));
		mvc.perform(get("/api/v1/audit/verify").with(as(staff(Role.AUDITOR))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.valid").value(false))
			.andExpect(jsonPath("$.events").value(12))
			.andExpect(jsonPath("$.firstBroken").value(7))
			.andExpect(jsonPath("$.problem").value("CONTENT_CHANGED"));
	}

	@Test
	void withoutCredentialsTheAnswerIs401() throws Exception {
		mvc.perform(get("/api/v1/audit/verify")).andExpect(unauthorized());
		verifyNoInteractions(log);
	}

	@Test
	void everyOtherRoleIsForbidden() throws Exception {
		for (PostbrugUser user : allBut(Role.AUDITOR)) {
			mvc.perform(get("/api/v1/audit/verify").with(as(user))).andExpect(forbidden());
		}
		verifyNoInteractions(log);
	}

	@Test
	void theExportIsForAuditorsOnly() throws Exception {
		for (PostbrugUser user : allBut(Role.AUDITOR)) {
			mvc.perform(get("/api/v1/audit/events").param("format", "csv").with(as(user))).andExpect(forbidden());
		}
		verifyNoInteractions(events);
	}

	@Test
	void onlyGetIsAllowed() throws Exception {
		mvc.perform(post("/api/v1/audit/verify").with(as(staff(Role.AUDITOR))))
			.andExpect(status().isMethodNotAllowed());
		verifyNoInteractions(log);
	}

}
