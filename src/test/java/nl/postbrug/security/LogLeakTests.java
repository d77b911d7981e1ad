package nl.postbrug.security;

import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import nl.postbrug.support.ApiTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The application log of a whole journey, at DEBUG, holds no message text, no password
 * (right or wrong) and no key (anchor or encryption key, with the rotation job running):
 * a log is read by more people than the messages may be.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(
		properties = { "logging.level.nl.postbrug=DEBUG", "logging.level.org.springframework.security=DEBUG" })
class LogLeakTests extends ApiTestSupport {

	private static final String ADMIN_PASSWORD = "Vuurtoren-Kompas-4417";

	private static final String WRONG_PASSWORD = "Verkeerd-Wachtwoord-9981";

	private static final String TEXT_MARK = "Zonnebloemveldje";

	private static final String ANCHOR_KEY = anchorKey();

	private static final String ENCRYPTION_KEY = encryptionKey();

	private static String encryptionKey() {
		byte[] key = new byte[32];
		new java.security.SecureRandom().nextBytes(key);
		return Base64.getEncoder().encodeToString(key);
	}

	private static String anchorKey() {
		try {
			return Base64.getEncoder()
				.encodeToString(KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate().getEncoded());
		}
		catch (java.security.GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@DynamicPropertySource
	static void secrets(DynamicPropertyRegistry registry) {
		registry.add("postbrug.audit.anchor-key", () -> ANCHOR_KEY);
		registry.add("postbrug.audit.generate-demo-key", () -> "false");
		registry.add("postbrug.audit.anchor-interval", () -> "1s");
		// the journey with its content encrypted at rest, and the rotation job running
		registry.add("postbrug.encryption.enabled", () -> "true");
		registry.add("postbrug.encryption.keys.leakcheck-1", () -> ENCRYPTION_KEY);
		registry.add("postbrug.encryption.current-key", () -> "leakcheck-1");
		registry.add("postbrug.encryption.rotation.initial-delay", () -> "1s");
		registry.add("postbrug.encryption.rotation.interval", () -> "2s");
		registry.add("postbrug.security.initial-admin.username", () -> "leakcheck");
		registry.add("postbrug.security.initial-admin.password", () -> ADMIN_PASSWORD);
	}

	private boolean screened(UUID id) throws Exception {
		String status = statusOf(id);
		return !status.equals("RECEIVED") && !status.equals("SCREENING");
	}

	@Test
	void aWholeJourneyLeavesNoTextPasswordOrKeyInTheLog(CapturedOutput log) throws Exception {
		mvc.perform(get("/api/v1/screening/rules").with(httpBasic("leakcheck", WRONG_PASSWORD)))
			.andExpect(status().isUnauthorized());
		mvc.perform(get("/api/v1/screening/rules").with(httpBasic("leakcheck", ADMIN_PASSWORD)))
			.andExpect(status().isOk());

		UUID held = send("1000000001", "Lieve Jan, " + TEXT_MARK + " en de sleutel van de cel, de bewaker weet niets.");
		UUID sent = send("1000000001", "Lieve Jan, het " + TEXT_MARK + " bloeit. Tot zondag!");
		await().until(() -> screened(sent) && screened(held));
		assertThat(statusOf(sent)).isEqualTo("APPROVED");
		String made = mvc.perform(post("/api/v1/facilities/PIA/batches").with(POSTROOM))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String detail = mvc
			.perform(get("/api/v1/batches/" + ((Number) JsonPath.read(made, "$.id")).longValue()).with(POSTROOM))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String code = JsonPath.<List<String>>read(detail, "$.items[?(@.message == '" + sent + "')].code").get(0);
		mvc.perform(post("/api/v1/scans").with(POSTROOM)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"code\":\"" + code + "\"}")).andExpect(jsonPath("$.outcome").value("DELIVERED"));
		await().until(() -> count("SELECT COUNT(*) FROM audit_event WHERE type = 'MESSAGE_DELIVERED'") > 0);

		assertThat(log.getAll()).as("the journey was logged at all").contains("DEBUG");
		assertThat(log.getAll()).doesNotContain(TEXT_MARK)
			.doesNotContain("bewaker weet niets")
			.doesNotContain(ADMIN_PASSWORD)
			.doesNotContain(WRONG_PASSWORD)
			.doesNotContain(ANCHOR_KEY)
			.doesNotContain(ANCHOR_KEY.substring(ANCHOR_KEY.length() - 24))
			.doesNotContain(ENCRYPTION_KEY)
			.doesNotContain(ENCRYPTION_KEY.substring(0, 16));
	}

}
