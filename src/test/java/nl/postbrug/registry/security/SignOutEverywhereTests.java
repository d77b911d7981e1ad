package nl.postbrug.registry.security;

import nl.postbrug.support.ApiTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpSession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Signing out everywhere ends every page session of the account, the ones on other
 * devices too, and no one else's; it is audited.
 */
class SignOutEverywhereTests extends ApiTestSupport {

	private MockHttpSession signIn(String username) throws Exception {
		MockHttpSession session = new MockHttpSession();
		mvc.perform(post("/login").session(session).param("username", username).param("password", "demo").with(csrf()))
			.andExpect(redirectedUrl("/"));
		return session;
	}

	@Test
	void everySessionOfTheAccountEndsAndOthersStay() throws Exception {
		MockHttpSession laptop = signIn("postroom");
		MockHttpSession phone = signIn("postroom");
		MockHttpSession colleague = signIn("screener");
		mvc.perform(get("/account").session(phone))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Overal afmelden")));
		mvc.perform(get("/account").session(laptop)).andExpect(status().isOk());

		mvc.perform(post("/account/sign-out-everywhere").session(phone).with(csrf()))
			.andExpect(redirectedUrl("/login?logout"));

		mvc.perform(get("/account").session(laptop)).andExpect(redirectedUrl("/login?logout"));
		assertThat(laptop.isInvalid()).isTrue();
		mvc.perform(get("/account").session(colleague)).andExpect(status().isOk());
		MockHttpSession again = signIn("postroom");
		mvc.perform(get("/account").session(again)).andExpect(status().isOk());
		assertThat(
				count("SELECT COUNT(*) FROM audit_event WHERE type = 'SIGNED_OUT_EVERYWHERE' AND actor = 'postroom'"))
			.isEqualTo(1);
	}

	@Test
	void signingOutEverywhereNeedsTheFormsToken() throws Exception {
		MockHttpSession session = signIn("auditor");
		mvc.perform(post("/account/sign-out-everywhere").session(session)).andExpect(status().isForbidden());
		mvc.perform(get("/account").session(session)).andExpect(status().isOk());
	}

}
