package nl.postbrug.registry.security;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import nl.postbrug.registry.Role;
import nl.postbrug.registry.StatusMailChoices;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static nl.postbrug.support.Users.ANNA_CONTACT;
import static nl.postbrug.support.Users.anna;
import static nl.postbrug.support.Users.as;
import static nl.postbrug.support.Users.staff;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The own-account page: for anyone signed in, the status-mail choice for relatives only,
 * and both forms behind their CSRF token.
 */
@WebMvcTest(AccountPage.class)
@PostbrugWebSecurity
class AccountPageTests {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	SessionCutoff cutoff;

	@MockitoBean
	SecondFactors factors;

	@MockitoBean
	StatusMailChoices statusMails;

	@BeforeEach
	void nobodySignedOutEverywhereYet() {
		given(cutoff.now()).willReturn(Instant.parse("2026-12-01T09:00:00Z"));
		given(cutoff.of(any())).willReturn(Optional.empty());
	}

	@Test
	void aRelativeSeesTheStatusMailChoiceAndTheirDataButNoSecondFactor() throws Exception {
		given(statusMails.of(ANNA_CONTACT))
			.willReturn(Optional.of(new StatusMailChoices.Choice(true, Locale.forLanguageTag("nl"))));
		mvc.perform(get("/account").with(as(anna())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("anna@example.org")))
			.andExpect(content().string(containsString("Stuur mij een e-mail als er iets verandert")))
			.andExpect(content().string(containsString("/account/export")))
			.andExpect(content().string(not(containsString("/account/second-factor"))));
	}

	@Test
	void staffSeeTheSecondFactorOfferAndNoStatusMails() throws Exception {
		mvc.perform(get("/account").with(as(staff(Role.POSTROOM))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/account/second-factor")))
			.andExpect(content().string(not(containsString("/account/status-mails"))));
		verify(statusMails, never()).of(org.mockito.ArgumentMatchers.anyLong());
	}

	@Test
	void aRelativeTurnsStatusMailsOnInThePagesLanguage() throws Exception {
		mvc.perform(post("/account/status-mails").param("statusMails", "true")
			.header("Accept-Language", "en")
			.with(as(anna()))
			.with(csrf()))
			.andExpect(redirectedUrl("/account"))
			.andExpect(flash().attribute("notice", containsString("mail")));
		verify(statusMails).choose(ANNA_CONTACT, true, Locale.ENGLISH);
		mvc.perform(post("/account/status-mails").with(as(anna())).with(csrf()))
			.andExpect(flash().attribute("notice", "U krijgt geen e-mail meer bij elke stap van uw berichten."));
		verify(statusMails).choose(ANNA_CONTACT, false, Locale.forLanguageTag("nl"));
	}

	@Test
	void signingOutEverywhereEndsThisSessionToo() throws Exception {
		mvc.perform(post("/account/sign-out-everywhere").with(as(staff(Role.SCREENER))).with(csrf()))
			.andExpect(redirectedUrl("/login?logout"));
		verify(cutoff).signOutEverywhere("screener");
	}

	@Test
	void theFormsNeedTheirTokenAndStatusMailsAreForRelativesOnly() throws Exception {
		mvc.perform(get("/account")).andExpect(redirectedUrl("/login"));
		mvc.perform(post("/account/sign-out-everywhere").with(as(anna()))).andExpect(status().isForbidden());
		mvc.perform(post("/account/status-mails").param("statusMails", "true").with(as(anna())))
			.andExpect(status().isForbidden());
		mvc.perform(
				post("/account/status-mails").param("statusMails", "true").with(as(staff(Role.POSTROOM))).with(csrf()))
			.andExpect(status().isForbidden());
		verify(cutoff, never()).signOutEverywhere(any());
		verify(statusMails, never()).choose(org.mockito.ArgumentMatchers.anyLong(),
				org.mockito.ArgumentMatchers.anyBoolean(), any());
	}

}
