package nl.postbrug.support;

import java.util.UUID;

import com.jayway.jsonpath.JsonPath;

import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The whole application on the demo data (samples/), with an empty database of its own,
 * driven through the HTTP API with the demo accounts. The sample screening rules apply,
 * but for their daily limits: the tests send more messages as one sender than a day
 * allows.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("demo")
public abstract class ApiTestSupport {

	protected static final RequestPostProcessor ANNA = httpBasic("anna@example.org", "demo");

	protected static final RequestPostProcessor POSTROOM = httpBasic("postroom", "demo");

	protected static final RequestPostProcessor POSTROOM_PIV = httpBasic("postroom-piv", "demo");

	protected static final RequestPostProcessor SCREENER = httpBasic("screener", "demo");

	protected static final RequestPostProcessor AUDITOR = httpBasic("auditor", "demo");

	protected static final RequestPostProcessor ADMIN = httpBasic("admin", "demo");

	@DynamicPropertySource
	static void ownDataDir(DynamicPropertyRegistry registry) {
		String dir = DataDirs.fresh("api");
		registry.add("postbrug.data-dir", () -> dir);
		// copied once per context: the suppliers are asked again whenever a test reads
		// the property
		String rules = DataDirs.sampleRulesWithoutDailyLimits(dir);
		String templates = DataDirs.printTemplates(dir);
		registry.add("postbrug.screening.rules-dir", () -> rules);
		registry.add("postbrug.letters.template-dir", () -> templates);
	}

	@Autowired
	protected MockMvc mvc;

	@Autowired
	protected JdbcClient jdbc;

	@BeforeEach
	void sampleMailScreened() {
		// The demo's sample mail is screened asynchronously after start-up; tests start
		// from a quiet state.
		await().until(() -> count("SELECT COUNT(*) FROM message WHERE status IN ('RECEIVED', 'SCREENING')") == 0);
	}

	protected long count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

	/** Anna sends a message through the API; the answer must be 202. */
	protected UUID send(String prisoner, String text) throws Exception {
		String sent = mvc
			.perform(multipart("/api/v1/messages").param("prisoner", prisoner).param("text", text).with(ANNA))
			.andExpect(status().isAccepted())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return UUID.fromString(JsonPath.read(sent, "$.id"));
	}

	/**
	 * Anna sends a message and waits until screening has put it in the expected state.
	 */
	protected UUID sendAndAwait(String prisoner, String text, String expected) throws Exception {
		UUID id = send(prisoner, text);
		await().until(() -> statusOf(id).equals(expected));
		return id;
	}

	protected String statusOf(UUID id) throws Exception {
		String body = mvc.perform(get("/api/v1/messages/" + id).with(ANNA))
			.andReturn()
			.getResponse()
			.getContentAsString();
		return JsonPath.read(body, "$.status");
	}

}
