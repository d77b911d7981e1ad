package nl.postbrug.registry.web;

import nl.postbrug.registry.AccountRefused;
import nl.postbrug.registry.Accounts;
import nl.postbrug.registry.CodeRefused;
import nl.postbrug.registry.security.PostbrugWebSecurity;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static nl.postbrug.support.Problems.problem;
import static nl.postbrug.support.Users.anna;
import static nl.postbrug.support.Users.as;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Relatives' accounts over the API: open without signing in, a registration and a reset
 * request answered 202 alike, and a refusal as a problem naming its field.
 */
@WebMvcTest(AccountsController.class)
@PostbrugWebSecurity
class AccountsControllerTests {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	Accounts accounts;

	private static MockHttpServletRequestBuilder json(String path, String body) {
		return post(path).contentType(MediaType.APPLICATION_JSON).content(body);
	}

	@Test
	void aRegistrationAndAResetRequestAreAcceptedWithoutSigningIn() throws Exception {
		mvc.perform(json("/api/v1/registrations",
				"{\"email\":\"sanne@family.example\",\"name\":\"Sanne\",\"password\":\"lange zomeravond\"}"))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.status").value("CODE_SENT"));
		verify(accounts).register("sanne@family.example", "Sanne", "lange zomeravond");
		mvc.perform(json("/api/v1/password-resets", "{\"email\":\"nobody@family.example\"}"))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.status").value("CODE_SENT"));
		verify(accounts).requestReset("nobody@family.example");
		mvc.perform(json("/api/v1/registrations/verify", "{\"email\":\"sanne@family.example\",\"code\":\"123456\"}")
			.with(as(anna()))).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("VERIFIED"));
		mvc.perform(json("/api/v1/password-resets/confirm",
				"{\"email\":\"sanne@family.example\",\"code\":\"123456\",\"password\":\"winterse ochtend\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("PASSWORD_SET"));
		verify(accounts).resetPassword("sanne@family.example", "123456", "winterse ochtend");
	}

	@Test
	void aRefusedFieldIsAProblemThatNamesIt() throws Exception {
		willThrow(new AccountRefused("email", "email-invalid")).given(accounts).register("sanne", "Sanne", "x");
		mvc.perform(json("/api/v1/registrations", "{\"email\":\"sanne\",\"name\":\"Sanne\",\"password\":\"x\"}"))
			.andExpect(problem(400, "Gegevens niet aangenomen", "Vul een geldig e-mailadres in"))
			.andExpect(jsonPath("$.errors.email").value(org.hamcrest.Matchers.containsString("naam@voorbeeld.nl")));
	}

	@Test
	void aWrongCodeIsAProblemThatDoesNotSayWhy() throws Exception {
		willThrow(new CodeRefused()).given(accounts).verify("sanne@family.example", "000000");
		mvc.perform(json("/api/v1/registrations/verify", "{\"email\":\"sanne@family.example\",\"code\":\"000000\"}"))
			.andExpect(problem(400, "Code niet geldig", "Deze code klopt niet of is niet meer geldig."));
		willThrow(new CodeRefused()).given(accounts)
			.resetPassword("sanne@family.example", "000000", "nieuw wachtwoord");
		mvc.perform(json("/api/v1/password-resets/confirm",
				"{\"email\":\"sanne@family.example\",\"code\":\"000000\",\"password\":\"nieuw wachtwoord\"}"))
			.andExpect(problem(400, "Code niet geldig"));
	}

	@Test
	void aMissingOrMalformedBodyIsABadRequest() throws Exception {
		mvc.perform(post("/api/v1/registrations")).andExpect(status().isBadRequest());
		mvc.perform(json("/api/v1/password-resets", "{\"email\":"))
			.andExpect(problem(400, "Gegevens niet aangenomen", "De gegevens konden niet worden gelezen."));
		verifyNoInteractions(accounts);
	}

}
