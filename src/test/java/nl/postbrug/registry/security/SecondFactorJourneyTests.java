package nl.postbrug.registry.security;

import java.time.Clock;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.postbrug.support.ApiTestSupport;

import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Sign-in over HTTP with the second factor switched on: an auditor must enrol before
 * anything else, then gives a code after the password at every sign-in; a code is taken
 * once; wrong codes lock the account like wrong passwords; the API refuses the account.
 */
@TestPropertySource(properties = { "postbrug.security.second-factor=true", "postbrug.encryption.enabled=true",
		"postbrug.encryption.keys.k1=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
		"postbrug.encryption.current-key=k1", "postbrug.encryption.rotation.initial-delay=1h" })
class SecondFactorJourneyTests extends ApiTestSupport {

	private static final Pattern SECRET = Pattern.compile("id=\"secret\">([A-Z2-7]+)<");

	@Autowired
	Clock clock;

	@Test
	void anAuditorEnrolsThenNeedsAFreshCodeAtEverySignInAndAReplayedCodeIsRefused() throws Exception {
		MockHttpSession first = signIn("auditor", "/account/second-factor");
		mvc.perform(get("/audit").session(first)).andExpect(redirectedUrl("/account/second-factor"));
		String page = mvc.perform(get("/account/second-factor").session(first))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("otpauth://totp/Postbrug:auditor?secret=")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		Matcher found = SECRET.matcher(page);
		assertThat(found.find()).isTrue();
		// decoded as an authenticator app would, by a decoder other than ours
		byte[] secret = new Base32().decode(found.group(1));
		assertThat(jdbc.sql("SELECT secret_key FROM staff_second_factor WHERE username = 'auditor'")
			.query(String.class)
			.single()).as("sealed under the current key").isEqualTo("k1");
		assertThat(jdbc.sql("SELECT secret FROM staff_second_factor WHERE username = 'auditor'")
			.query(String.class)
			.single()).doesNotContain(found.group(1)).doesNotContain(Base64.getEncoder().encodeToString(secret));

		mvc.perform(post("/account/second-factor").param("code", wrongCode(secret)).session(first).with(csrf()))
			.andExpect(redirectedUrl("/account/second-factor"));
		long step = Totp.step(clock.instant());
		String enrolCode = Totp.code(secret, step, 6);
		mvc.perform(post("/account/second-factor").param("code", enrolCode).session(first).with(csrf()))
			.andExpect(redirectedUrl("/"));
		mvc.perform(get("/audit").session(first)).andExpect(status().isOk());

		MockHttpSession second = signIn("auditor", "/login/code");
		mvc.perform(get("/audit").session(second)).andExpect(redirectedUrl("/login/code"));
		mvc.perform(post("/login/code").param("code", enrolCode).session(second).with(csrf()))
			.andExpect(redirectedUrl("/login/code"));
		mvc.perform(get("/audit").session(second)).andExpect(redirectedUrl("/login/code"));
		mvc.perform(post("/login/code").param("code", Totp.code(secret, step + 1, 6)).session(second).with(csrf()))
			.andExpect(redirectedUrl("/"));
		mvc.perform(get("/audit").session(second)).andExpect(status().isOk());

		mvc.perform(get("/api/v1/audit/verify").with(AUDITOR))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.title").value("Tweede stap nodig"))
			.andExpect(jsonPath("$.detail", containsString("HTTP Basic")));
		assertThat(audited("SECOND_FACTOR_ENROLLED")).isEqualTo(1);
		assertThat(audited("SECOND_FACTOR_VERIFIED")).isEqualTo(1);
		assertThat(audited("SECOND_FACTOR_FAILED")).isEqualTo(2);

		MockHttpSession guessing = signIn("auditor", "/login/code");
		for (int i = 0; i < 5; i++) {
			mvc.perform(post("/login/code").param("code", wrongCode(secret)).session(guessing).with(csrf()))
				.andExpect(redirectedUrl("/login/code"));
		}
		mvc.perform(post("/login/code").param("code", Totp.code(secret, Totp.step(clock.instant()) + 1, 6))
			.session(guessing)
			.with(csrf())).andExpect(redirectedUrl("/login?error"));
		mvc.perform(post("/login").param("username", "auditor").param("password", "demo").with(csrf()))
			.andExpect(redirectedUrl("/login?error"));
	}

	@Test
	void staffWithoutAFactorWhoNeedNoneSignInWithTheirPasswordAlone() throws Exception {
		MockHttpSession session = signIn("postroom", "/");
		mvc.perform(get("/postroom").session(session)).andExpect(status().isOk());
		mvc.perform(get("/api/v1/facilities/PIA/overdue").with(POSTROOM)).andExpect(status().isOk());
	}

	private MockHttpSession signIn(String username, String expectedNext) throws Exception {
		MvcResult result = mvc
			.perform(post("/login").param("username", username).param("password", "demo").with(csrf()))
			.andExpect(redirectedUrl(expectedNext))
			.andReturn();
		return (MockHttpSession) result.getRequest().getSession(false);
	}

	/** A code of none of the steps in the window. */
	private String wrongCode(byte[] secret) {
		long step = Totp.step(clock.instant());
		for (int candidate = 0;; candidate++) {
			String code = String.format("%06d", candidate);
			boolean inWindow = false;
			for (long s = step - 2; s <= step + 2; s++) {
				inWindow |= Totp.code(secret, s, 6).equals(code);
			}
			if (!inWindow) {
				return code;
			}
		}
	}

	private long audited(String type) {
		return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE type = ? AND actor = 'auditor'")
			.param(type)
			.query(Long.class)
			.single();
	}

}
