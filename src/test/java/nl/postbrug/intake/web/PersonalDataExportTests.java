package nl.postbrug.intake.web;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.jayway.jsonpath.JsonPath;
import nl.postbrug.support.ApiTestSupport;
import nl.postbrug.support.DataDirs;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Two relatives download their data: each ZIP holds the relative's own account, requests
 * and messages with text and history in sender words, and nothing of the other.
 */
class PersonalDataExportTests extends ApiTestSupport {

	static final String FATIMA_EMAIL = "fatima.elamrani@example.org";

	static final RequestPostProcessor FATIMA = httpBasic(FATIMA_EMAIL, "fatima-demo-password");

	@Autowired
	PasswordEncoder passwords;

	@Test
	void eachRelativeGetsTheirOwnMessagesAccountAndRequestsAndNothingOfTheOther() throws Exception {
		jdbc.sql("UPDATE contact SET password_hash = ? WHERE email = ?")
			.params(passwords.encode("fatima-demo-password"), FATIMA_EMAIL)
			.update();
		String annasText = "Lieve Jan, de export van Anna. " + DataDirs.uniqueWords();
		UUID annas = sendAndAwait("1000000001", annasText, "APPROVED");
		String fatimasText = "Lieve Mohamed, de export van Fatima. " + DataDirs.uniqueWords();
		String sent = mvc.perform(
				multipart("/api/v1/messages").param("prisoner", "1000000003").param("text", fatimasText).with(FATIMA))
			.andExpect(status().isAccepted())
			.andReturn()
			.getResponse()
			.getContentAsString();
		UUID fatimas = UUID.fromString(JsonPath.read(sent, "$.id"));
		await()
			.until(() -> !"RECEIVED".equals(statusOfFatimas(fatimas)) && !"SCREENING".equals(statusOfFatimas(fatimas)));

		Map<String, byte[]> anna = export(ANNA);
		Map<String, byte[]> fatima = export(FATIMA);

		assertThat(anna).containsKeys("readme.txt", "account.json", "approval-requests.json", "messages.json");
		String annaMessages = text(anna, "messages.json");
		assertThat((String) JsonPath.read(text(anna, "account.json"), "$.email")).isEqualTo("anna@example.org");
		assertThat((List<String>) JsonPath.read(text(anna, "account.json"), "$.mayWriteTo[*].registryNumber"))
			.contains("1000000001", "1000000002");
		List<String> textFiles = JsonPath.read(annaMessages, "$.messages[?(@.id == '" + annas + "')].textFile");
		assertThat(text(anna, textFiles.get(0))).isEqualTo(annasText);
		List<String> statuses = JsonPath.read(annaMessages,
				"$.messages[?(@.id == '" + annas + "')].history[*].statusText");
		assertThat(statuses).containsExactly("Ontvangen", "Wordt gecontroleerd", "Goedgekeurd");
		assertThat(annaMessages).doesNotContain(fatimas.toString(), "Mohamed", "screening:", "rule");
		assertThat(anna.keySet()).noneMatch(name -> name.contains(fatimas.toString()));
		assertThat(anna.values()).noneMatch(content -> new String(content, StandardCharsets.UTF_8).contains("Fatima"));

		assertThat((String) JsonPath.read(text(fatima, "account.json"), "$.email")).isEqualTo(FATIMA_EMAIL);
		String fatimaMessages = text(fatima, "messages.json");
		List<String> fatimasIds = JsonPath.read(fatimaMessages, "$.messages[*].id");
		assertThat(fatimasIds).contains(fatimas.toString()).doesNotContain(annas.toString());
		for (String id : fatimasIds) {
			assertThat(jdbc.sql("SELECT c.email FROM message m JOIN contact c ON c.id = m.contact_id WHERE m.id = ?")
				.param(id)
				.query(String.class)
				.single()).as("message %s in Fatima's export", id).isEqualTo(FATIMA_EMAIL);
		}
		assertThat(fatima.keySet()).noneMatch(name -> name.contains(annas.toString()));
		assertThat(fatima.values())
			.noneMatch(content -> new String(content, StandardCharsets.UTF_8).contains("Lieve Jan"));

		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE type = 'PERSONAL_DATA_EXPORTED' AND actor = ?")
			.param(FATIMA_EMAIL)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void staffHaveNoExportOfTheirOwn() throws Exception {
		mvc.perform(get("/api/v1/me/export").with(SCREENER)).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/me/export")).andExpect(status().isUnauthorized());
	}

	private String statusOfFatimas(UUID id) throws Exception {
		return JsonPath.read(
				mvc.perform(get("/api/v1/messages/" + id).with(FATIMA)).andReturn().getResponse().getContentAsString(),
				"$.status");
	}

	private Map<String, byte[]> export(RequestPostProcessor who) throws Exception {
		byte[] zip = mvc.perform(get("/api/v1/me/export").with(who))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "application/zip"))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		Map<String, byte[]> files = new LinkedHashMap<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
			for (ZipEntry entry; (entry = in.getNextEntry()) != null;) {
				files.put(entry.getName(), in.readAllBytes());
			}
		}
		return files;
	}

	private static String text(Map<String, byte[]> files, String name) {
		assertThat(files).containsKey(name);
		return new String(files.get(name), StandardCharsets.UTF_8);
	}

}
