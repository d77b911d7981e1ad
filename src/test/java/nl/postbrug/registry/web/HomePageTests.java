package nl.postbrug.registry.web;

import nl.postbrug.registry.PostbrugUser;
import nl.postbrug.registry.Role;
import nl.postbrug.registry.security.PostbrugWebSecurity;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static nl.postbrug.support.Users.anna;
import static nl.postbrug.support.Users.as;
import static nl.postbrug.support.Users.staff;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The sign-in page and the front door: open to all, a CSRF token in the form, and each
 * role sent to where its work starts.
 */
@WebMvcTest(HomePage.class)
@PostbrugWebSecurity
class HomePageTests {

	@Autowired
	MockMvc mvc;

	@Test
	void theSignInPageIsOpenAndCarriesACsrfToken() throws Exception {
		mvc.perform(get("/login"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("name=\"username\"")))
			.andExpect(content().string(containsString("name=\"password\"")))
			.andExpect(content().string(containsString("name=\"_csrf\"")))
			.andExpect(content().string(not(containsString("action=\"/logout\""))));
	}

	@Test
	void theSignInPageExplainsAWrongPasswordAndASignOut() throws Exception {
		mvc.perform(get("/login").param("error", "")).andExpect(content().string(containsString("klopt niet")));
		mvc.perform(get("/login").param("logout", "")).andExpect(content().string(containsString("afgemeld")));
		mvc.perform(get("/login").param("error", "").header("Accept-Language", "en"))
			.andExpect(content().string(containsString("not right")))
			.andExpect(content().string(containsString("<html lang=\"en\"")));
		mvc.perform(get("/login").param("lang", "en"))
			.andExpect(content().string(containsString("Sign in")))
			.andExpect(cookie().value("postbrug-lang", "en"));
		mvc.perform(get("/login").cookie(new jakarta.servlet.http.Cookie("postbrug-lang", "en"))
			.header("Accept-Language", "nl")).andExpect(content().string(containsString("<html lang=\"en\"")));
		mvc.perform(get("/login").param("lang", "xx-evil"))
			.andExpect(content().string(containsString("<html lang=\"nl\"")));
	}

	@Test
	void signingInWithoutTheCsrfTokenIsRefused() throws Exception {
		mvc.perform(post("/login").param("username", "screener").param("password", "demo"))
			.andExpect(status().isForbidden());
	}

	@Test
	void signingOutNeedsThePostWithItsToken() throws Exception {
		mvc.perform(post("/logout").with(as(staff(Role.SCREENER))).with(csrf()))
			.andExpect(redirectedUrl("/login?logout"));
		mvc.perform(post("/logout").with(as(staff(Role.SCREENER)))).andExpect(status().isForbidden());
	}

	@Test
	void withoutSignInTheFrontDoorSendsToTheLoginForm() throws Exception {
		mvc.perform(get("/")).andExpect(redirectedUrl("/login"));
	}

	@Test
	void eachRoleIsSentToWhereItsWorkStarts() throws Exception {
		mvc.perform(get("/").with(as(anna()))).andExpect(redirectedUrl("/messages"));
		mvc.perform(get("/").with(as(staff(Role.SCREENER)))).andExpect(redirectedUrl("/review"));
		mvc.perform(get("/").with(as(staff(Role.POSTROOM)))).andExpect(redirectedUrl("/postroom"));
		mvc.perform(get("/").with(as(staff(Role.AUDITOR)))).andExpect(redirectedUrl("/audit"));
		mvc.perform(get("/").with(as(staff(Role.FACILITY_ADMIN)))).andExpect(redirectedUrl("/postroom"));
		mvc.perform(get("/").with(as(staff(Role.SCREENER, Role.POSTROOM)))).andExpect(redirectedUrl("/review"));
	}

	@Test
	void staffWithoutARoleThatHasPagesGetTheHomePage() throws Exception {
		PostbrugUser nobody = PostbrugUser.staff("nobody", "n/a", java.util.Set.of(), true, java.util.Set.of(), true);
		mvc.perform(get("/").accept(MediaType.TEXT_HTML).with(as(nobody))).andExpect(status().isOk());
	}

	@Test
	void theHeaderShowsOnlyThePagesOfTheRole() throws Exception {
		mvc.perform(get("/login").with(as(staff(Role.SCREENER))))
			.andExpect(content().string(containsString("href=\"/review\"")))
			.andExpect(content().string(not(containsString("href=\"/audit\""))))
			.andExpect(content().string(not(containsString("href=\"/compose\""))))
			.andExpect(content().string(containsString("action=\"/logout\"")));
	}

}
