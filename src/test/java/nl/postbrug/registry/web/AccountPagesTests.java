package nl.postbrug.registry.web;

import nl.postbrug.registry.AccountRefused;
import nl.postbrug.registry.Accounts;
import nl.postbrug.registry.CodeRefused;
import nl.postbrug.registry.security.PostbrugWebSecurity;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The account pages open without signing in, need their CSRF token, keep what was typed
 * (never the password) and show a refusal at its field and above the form.
 */
@WebMvcTest(AccountPages.class)
@PostbrugWebSecurity
class AccountPagesTests {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	Accounts accounts;

	@Test
	void theRegistrationFormIsOpenLabelledAndInDutch() throws Exception {
		given(accounts.passwordMinLength()).willReturn(10);
		mvc.perform(get("/register"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("<html lang=\"nl\""), containsString("Account aanmaken"),
					containsString("<label for=\"email\">E-mailadres</label>"), containsString("name=\"_csrf\""),
					containsString("Minstens 10 tekens"))));
		mvc.perform(get("/register").header("Accept-Language", "en"))
			.andExpect(content().string(containsString("Create an account")));
	}

	@Test
	void aRefusedRegistrationComesBackWithWhatWasTypedAndTheErrorAtItsField() throws Exception {
		willThrow(new AccountRefused("password", "password-common")).given(accounts)
			.register("sanne@family.example", "Sanne <b>", "wachtwoord123");
		mvc.perform(post("/register").param("email", "sanne@family.example")
			.param("name", "Sanne <b>")
			.param("password", "wachtwoord123")
			.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(allOf(containsString("value=\"sanne@family.example\""),
					containsString("value=\"Sanne &lt;b&gt;\""), not(containsString("wachtwoord123")),
					containsString("id=\"password-error\""), containsString("href=\"#password\""),
					containsString("aria-describedby=\"password-hint password-error\""),
					containsString("aria-invalid=\"true\""), containsString("te vaak gebruikt"))));
	}

	@Test
	void aRegistrationLeadsToTheCodeForm() throws Exception {
		mvc.perform(post("/register").param("email", "s@family.example")
			.param("name", "S")
			.param("password", "lange zomeravond")
			.with(csrf())).andExpect(redirectedUrl("/register/verify?email=s%40family.example"));
		verify(accounts).register("s@family.example", "S", "lange zomeravond");
	}

	@Test
	void aWrongCodeIsShownAtTheCodeField() throws Exception {
		willThrow(new CodeRefused()).given(accounts).verify(any(), any());
		mvc.perform(post("/register/verify").param("email", "s@family.example").param("code", "123456").with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(allOf(containsString("id=\"code-error\""),
					containsString("Deze code klopt niet"), containsString("value=\"123456\""))));
		mvc.perform(post("/register/verify").param("email", "s@family.example").param("code", "654321").with(csrf()))
			.andExpect(status().isBadRequest());
	}

	@Test
	void theFormsNeedTheirCsrfToken() throws Exception {
		mvc.perform(post("/register").param("email", "s@family.example")).andExpect(status().isForbidden());
		mvc.perform(post("/password/forgot").param("email", "s@family.example")).andExpect(status().isForbidden());
		verifyNoInteractions(accounts);
	}

}
