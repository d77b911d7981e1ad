package nl.postbrug.intake.web;

import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;

import nl.postbrug.support.ApiTestSupport;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What a sender reads about their message ({@code GET /api/v1/messages[/{id}]} and the
 * messages page): its state and reasons in their language, Dutch unless they ask for
 * English, and nothing internal: no rule names, no screener, no withhold reason.
 */
class SenderViewTests extends ApiTestSupport {

	@Autowired
	UserDetailsService users;

	@Test
	void aHeldMessageSaysOnlyThatItIsBeingChecked() throws Exception {
		UUID id = sendAndAwait("1000000001", "Bel me op 06-12345678 of kijk op www.voorbeeld.nl, groet Anna",
				"IN_REVIEW");
		List<String> rules = ruleIds(id);
		assertThat(rules).contains("phone-number", "url");

		String dutch = message(id, null);
		assertThat(JsonPath.<List<String>>read(dutch, "$.events[*].detail")).containsExactly(
				"Ontvangen via de website.", "Uw bericht wordt gecontroleerd.", "Uw bericht wordt nog gecontroleerd.");
		String english = message(id, "en");
		assertThat(JsonPath.<List<String>>read(english, "$.events[*].detail")).containsExactly(
				"Received through the web portal.", "Your message is being checked.",
				"Your message is still being checked.");
		for (String seen : List.of(dutch, english, list(null))) {
			assertThat(seen).doesNotContain("Needs review").doesNotContain("screener");
			rules.forEach(rule -> assertThat(seen).doesNotContain(rule));
		}
		// The page also shows the messages' own words, so only what screening wrote is
		// looked for there.
		assertThat(page()).contains("Uw bericht wordt nog gecontroleerd.")
			.doesNotContain("Needs review")
			.doesNotContain("phone-number");
	}

	@Test
	void aWithheldMessageNeverShowsItsReasonOrWhoDecided() throws Exception {
		UUID id = sendAndAwait("1000000001",
				"Het pakketje ligt klaar bij de bekende plek, bel 06-99887766 of kijk op www.voorbeeld.nl.",
				"IN_REVIEW");
		List<String> rules = ruleIds(id);
		mvc.perform(post("/api/v1/review/" + id).with(SCREENER)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"decision\":\"WITHHOLD\",\"reason\":\"Lijkt op overdracht, zaak 2026-311\"}"))
			.andExpect(status().isOk());

		String dutch = message(id, null);
		assertThat((String) JsonPath.read(dutch, "$.status")).isEqualTo("WITHHELD");
		assertThat((String) JsonPath.read(dutch, "$.reason")).isEqualTo("Uw bericht is door de inrichting ingehouden.");
		assertThat((String) JsonPath.read(message(id, "en-US"), "$.reason"))
			.isEqualTo("Your message was withheld by the facility.");
		for (String seen : List.of(dutch, message(id, "en"), list("en"))) {
			assertThat(seen).doesNotContain("overdracht").doesNotContain("2026-311").doesNotContain("screener");
			rules.forEach(rule -> assertThat(seen).doesNotContain(rule));
		}
		assertThat(page()).contains("Uw bericht is door de inrichting ingehouden.")
			.doesNotContain("overdracht")
			.doesNotContain("2026-311");
		// The audit log keeps the code the sender read and the internal reason.
		assertThat(jdbc.sql("SELECT detail FROM audit_event WHERE subject = ? AND type = 'MESSAGE_WITHHELD'")
			.param("message:" + id)
			.query(String.class)
			.single())
			.isEqualTo("IN_REVIEW -> WITHHELD: history.withheld [internal: Lijkt op overdracht, zaak 2026-311]");
	}

	@Test
	void aRejectionReasonIsGivenInTheSendersLanguage() throws Exception {
		UUID id = sendAndAwait("1000000001", "Zet het geld op NL91ABNA0417164300 alsjeblieft.", "IN_REVIEW");
		mvc.perform(post("/api/v1/review/" + id).with(SCREENER)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"decision\":\"REJECT\",\"reason\":\"CONTACT_DETAILS\"}")).andExpect(status().isOk());
		String dutch = message(id, null);
		assertThat((String) JsonPath.read(dutch, "$.reason"))
			.isEqualTo("Telefoonnummers, adressen, links en rekeningnummers worden niet doorgegeven.");
		assertThat(JsonPath.<List<String>>read(dutch, "$.events[*].detail")).last()
			.isEqualTo("Telefoonnummers, adressen, links en rekeningnummers worden niet doorgegeven.");
		assertThat((String) JsonPath.read(message(id, "en"), "$.reason"))
			.isEqualTo("Phone numbers, addresses, links and account numbers are not passed on.");
		assertThat(dutch).doesNotContain("CONTACT_DETAILS").doesNotContain("iban");
		assertThat(jdbc.sql("SELECT detail FROM audit_event WHERE subject = ? AND type = 'MESSAGE_REJECTED'")
			.param("message:" + id)
			.query(String.class)
			.single()).isEqualTo("IN_REVIEW -> REJECTED: screener.listed [CONTACT_DETAILS]");
	}

	@Test
	void staffOfTheFacilitySeeTheSameSenderWords() throws Exception {
		UUID id = sendAndAwait("1000000001", "Lieve Jan, de tuin staat in bloei.", "APPROVED");
		String staff = mvc.perform(get("/api/v1/messages/" + id).with(httpBasic("postroom", "demo")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(JsonPath.<List<String>>read(staff, "$.events[*].detail")).last()
			.isEqualTo("Uw bericht is goedgekeurd en wordt als brief afgedrukt.");
		assertThat(staff).doesNotContain("no findings");
	}

	private List<String> ruleIds(UUID id) {
		return jdbc.sql("SELECT DISTINCT rule_id FROM screening_finding WHERE message_id = ?")
			.param(id.toString())
			.query(String.class)
			.list();
	}

	private String message(UUID id, String language) throws Exception {
		var request = get("/api/v1/messages/" + id).with(ANNA);
		if (language != null) {
			request.header("Accept-Language", language);
		}
		return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	private String list(String language) throws Exception {
		var request = get("/api/v1/messages").with(ANNA);
		if (language != null) {
			request.header("Accept-Language", language);
		}
		return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	private String page() throws Exception {
		return mvc.perform(get("/messages").with(user(users.loadUserByUsername("anna@example.org"))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

}
