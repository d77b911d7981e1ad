package nl.postbrug.registry.security;

import nl.postbrug.support.ApiTestSupport;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The headers every page and API answer carries, and HSTS only behind TLS. */
class SecurityHeadersTests extends ApiTestSupport {

	@Test
	void pagesForbidInlineScriptFramingAndSniffing() throws Exception {
		mvc.perform(get("/login"))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Security-Policy",
					allOf(containsString("script-src 'self'"), containsString("frame-ancestors 'none'"),
							not(containsString("unsafe-inline")), not(containsString("unsafe-eval")))))
			.andExpect(header().string("X-Frame-Options", "DENY"))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"));
	}

	@Test
	void theApiIsNeverFramedNorCached() throws Exception {
		mvc.perform(get("/api/v1/me/prisoners").with(ANNA))
			.andExpect(status().isOk())
			.andExpect(header().string("X-Frame-Options", "DENY"))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("Cache-Control", containsString("no-store")));
	}

	@Test
	void hstsIsSentOnlyOverTls() throws Exception {
		mvc.perform(get("/login")).andExpect(header().doesNotExist("Strict-Transport-Security"));
		mvc.perform(get("/login").header("X-Forwarded-Proto", "https"))
			.andExpect(header().string("Strict-Transport-Security", "max-age=31536000 ; includeSubDomains"));
		mvc.perform(get("/login").secure(true))
			.andExpect(header().string("Strict-Transport-Security", containsString("max-age=31536000")));
	}

}
