package nl.postbrug.audit.web;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import nl.postbrug.audit.AuditEvents;
import nl.postbrug.audit.AuditSettings;
import nl.postbrug.audit.AuditVerification;
import nl.postbrug.registry.PostbrugUser;
import nl.postbrug.registry.Role;
import nl.postbrug.registry.security.PostbrugWebSecurity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static nl.postbrug.support.Users.allBut;
import static nl.postbrug.support.Users.as;
import static nl.postbrug.support.Users.staff;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(AuditPage.class)
@PostbrugWebSecurity
class AuditPageTests {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	AuditVerification log;

	@MockitoBean
	AuditEvents events;

	@MockitoBean
	AuditSettings settings;

	@BeforeEach
	void anEmptyLog() {
		given(settings.maxRange()).willReturn(Duration.ofDays(366));
		given(events.page(any(), anyInt(), anyInt())).willReturn(new AuditEvents.Page(List.of(), 0, 1, 50));
	}

	@Test
	void anAuditorSeesWhetherTheChainHolds() throws Exception {
		given(log.verify()).willReturn(AuditControllerTests.verification(true, 3, null));
		mvc.perform(
				get("/audit").accept(MediaType.TEXT_HTML).header("Accept-Language", "en").with(as(staff(Role.AUDITOR))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("CHAIN INTACT")));
	}

	@Test
	void aBrokenChainNamesTheFirstBrokenEvent() throws Exception {
		given(log.verify()).willReturn(AuditControllerTests.verification(false, 9, 4L));
		mvc.perform(
				get("/audit").accept(MediaType.TEXT_HTML).header("Accept-Language", "en").with(as(staff(Role.AUDITOR))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("CHAIN BROKEN")))
			.andExpect(content().string(containsString("event #4")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("CHAIN INTACT"))));
	}

	@Test
	void withoutSignInThePageSendsToTheLoginForm() throws Exception {
		mvc.perform(get("/audit").accept(MediaType.TEXT_HTML)).andExpect(redirectedUrl("/login"));
		verifyNoInteractions(log);
	}

	@Test
	void everyOtherRoleIsForbidden() throws Exception {
		for (PostbrugUser user : allBut(Role.AUDITOR)) {
			mvc.perform(get("/audit").accept(MediaType.TEXT_HTML).with(as(user))).andExpect(status().isForbidden());
		}
		verifyNoInteractions(log);
	}

}
