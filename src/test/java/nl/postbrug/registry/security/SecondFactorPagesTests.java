package nl.postbrug.registry.security;

import java.time.Instant;
import java.util.Optional;

import nl.postbrug.registry.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.LockedException;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static nl.postbrug.support.Users.anna;
import static nl.postbrug.support.Users.as;
import static nl.postbrug.support.Users.staff;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The code page after the password and the enrolment of an app: a wrong code comes back
 * with what to do, too many end the half-open session, the code page means nothing
 * without a pending sign-in, and relatives have no second factor to enrol.
 */
@WebMvcTest(SecondFactorPages.class)
@PostbrugWebSecurity
class SecondFactorPagesTests {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	SecondFactors factors;

	@MockitoBean
	SessionCutoff cutoff;

	@BeforeEach
	void nobodySignedOutEverywhereYet() {
		given(cutoff.now()).willReturn(Instant.parse("2026-12-01T09:00:00Z"));
		given(cutoff.of(any())).willReturn(Optional.empty());
	}

	private static MockHttpSession waitingFor(SecondFactors.Need need) {
		MockHttpSession session = new MockHttpSession();
		session.setAttribute(SecondFactorGate.PENDING, need);
		return session;
	}

	@Test
	void theRightCodeOpensTheSessionAndAWrongOneSaysWhatToDo() throws Exception {
		MockHttpSession session = waitingFor(SecondFactors.Need.CODE);
		mvc.perform(get("/login/code").session(session).with(as(staff(Role.FACILITY_ADMIN))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Code van zes cijfers")));
		given(factors.verify(eq("facility_admin"), eq("000000"), any())).willReturn(false);
		mvc.perform(post("/login/code").param("code", "000000")
			.session(session)
			.with(as(staff(Role.FACILITY_ADMIN)))
			.with(csrf()))
			.andExpect(redirectedUrl("/login/code"))
			.andExpect(flash().attribute("problem", containsString("Die code klopt niet")));
		given(factors.verify(eq("facility_admin"), eq("123456"), any())).willReturn(true);
		mvc.perform(post("/login/code").param("code", "123456")
			.session(session)
			.with(as(staff(Role.FACILITY_ADMIN)))
			.with(csrf())).andExpect(redirectedUrl("/"));
		assertThat(session.getAttribute(SecondFactorGate.PENDING)).isNull();
	}

	@Test
	void tooManyWrongCodesEndTheHalfOpenSession() throws Exception {
		MockHttpSession session = waitingFor(SecondFactors.Need.CODE);
		given(factors.verify(any(), any(), any())).willThrow(new LockedException("locked"));
		mvc.perform(
				post("/login/code").param("code", "111111").session(session).with(as(staff(Role.AUDITOR))).with(csrf()))
			.andExpect(redirectedUrl("/login?error"));
		assertThat(session.isInvalid()).isTrue();
	}

	@Test
	void withoutAPendingSignInTheCodePageLeadsHome() throws Exception {
		mvc.perform(get("/login/code").with(as(staff(Role.POSTROOM)))).andExpect(redirectedUrl("/"));
		mvc.perform(post("/login/code").param("code", "123456").with(as(staff(Role.POSTROOM))).with(csrf()))
			.andExpect(redirectedUrl("/"));
		verifyNoInteractions(factors);
	}

	@Test
	void anEnrolmentShowsTheSecretAndIsConfirmedWithAFirstCode() throws Exception {
		given(factors.enrolment("screener")).willReturn(
				Optional.of(new SecondFactors.Enrolment("JBSWY3DPEHPK3PXP", "otpauth://totp/Postbrug:screener")));
		mvc.perform(get("/account/second-factor").with(as(staff(Role.SCREENER))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("JBSWY3DPEHPK3PXP")))
			.andExpect(content().string(containsString("otpauth://totp/Postbrug:screener")));
		given(factors.confirm(eq("screener"), eq("000000"), any())).willReturn(false);
		mvc.perform(post("/account/second-factor").param("code", "000000").with(as(staff(Role.SCREENER))).with(csrf()))
			.andExpect(redirectedUrl("/account/second-factor"))
			.andExpect(flash().attribute("problem", containsString("Die code klopt niet")));
		given(factors.confirm(eq("screener"), eq("123456"), any())).willReturn(true);
		mvc.perform(post("/account/second-factor").param("code", "123456").with(as(staff(Role.SCREENER))).with(csrf()))
			.andExpect(redirectedUrl("/account"))
			.andExpect(flash().attribute("notice", containsString("De tweede stap is ingesteld")));
	}

	@Test
	void anEnrolmentARequiredOneWaitedForLeadsOnHome() throws Exception {
		MockHttpSession session = waitingFor(SecondFactors.Need.ENROLMENT);
		given(factors.confirm(eq("facility_admin"), eq("123456"), any())).willReturn(true);
		mvc.perform(post("/account/second-factor").param("code", "123456")
			.session(session)
			.with(as(staff(Role.FACILITY_ADMIN)))
			.with(csrf())).andExpect(redirectedUrl("/"));
		assertThat(session.getAttribute(SecondFactorGate.PENDING)).isNull();
	}

	@Test
	void relativesHaveNoSecondFactorAndTheFormsNeedTheirToken() throws Exception {
		mvc.perform(get("/account/second-factor").with(as(anna()))).andExpect(status().isForbidden());
		mvc.perform(post("/account/second-factor").param("code", "123456").with(as(anna())).with(csrf()))
			.andExpect(status().isForbidden());
		mvc.perform(post("/account/second-factor").param("code", "123456").with(as(staff(Role.SCREENER))))
			.andExpect(status().isForbidden());
		mvc.perform(post("/login/code").param("code", "123456")
			.session(waitingFor(SecondFactors.Need.CODE))
			.with(as(staff(Role.SCREENER)))).andExpect(status().isForbidden());
		mvc.perform(get("/account/second-factor")).andExpect(redirectedUrl("/login"));
		verifyNoInteractions(factors);
	}

}
