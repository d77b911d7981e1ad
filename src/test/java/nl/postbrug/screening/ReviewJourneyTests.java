package nl.postbrug.screening;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import nl.postbrug.intake.MessageStatus;
import nl.postbrug.intake.Messages;
import nl.postbrug.registry.PostbrugUser;
import nl.postbrug.registry.Role;
import nl.postbrug.support.ApiTestSupport;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A risky message through the review queue: it waits with its findings highlighted, a
 * screener rejects it with a reason from the list, the sender reads that reason, the
 * audit log names the screener.
 */
class ReviewJourneyTests extends ApiTestSupport {

	@Autowired
	Messages messages;

	@Value("${postbrug.screening.rules-dir}")
	Path rulesDir;

	private final PostbrugUser screener = PostbrugUser.staff("screener", "", Set.of(Role.SCREENER), true, Set.of(),
			true);

	@Test
	void aRiskyMessageIsHighlightedRejectedWithAListedReasonAndAudited() throws Exception {
		UUID id = send("1000000001", "Lieve Jan, bel me op 06-12345678 en kijk op www.voorbeeld.nl. Groetjes, Anna");
		await().until(() -> messages.get(id).status() == MessageStatus.IN_REVIEW);

		mvc.perform(get("/review").with(user(screener)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<mark title=\"phone-number\">06-12345678</mark>")))
			.andExpect(content().string(containsString("<mark title=\"url\">www.voorbeeld.nl</mark>")))
			.andExpect(content().string(
					containsString("Telefoonnummers, adressen, links en rekeningnummers worden niet doorgegeven.")));
		mvc.perform(get("/review").with(user(screener)).header("Accept-Language", "en"))
			.andExpect(content()
				.string(containsString("Phone numbers, addresses, links and account numbers are not passed on.")));

		mvc.perform(post("/review/{id}", id).param("decision", "REJECT")
			.param("reason", "CONTACT_DETAILS")
			.with(user(screener))
			.with(csrf())).andExpect(status().is3xxRedirection());

		assertThat(messages.get(id).status()).isEqualTo(MessageStatus.REJECTED);
		mvc.perform(get("/api/v1/messages/" + id).with(ANNA))
			.andExpect(jsonPath("$.reason")
				.value("Telefoonnummers, adressen, links en rekeningnummers worden niet doorgegeven."));
		mvc.perform(get("/api/v1/messages/" + id).with(ANNA).header("Accept-Language", "en-GB,en;q=0.8"))
			.andExpect(jsonPath("$.reason")
				.value("Phone numbers, addresses, links and account numbers are not passed on."))
			.andExpect(jsonPath("$.reason", org.hamcrest.Matchers.not(containsString("phone-number"))));
		List<String> decision = jdbc.sql(
				"SELECT actor || ' ' || type FROM audit_event WHERE subject = ? ORDER BY seq DESC FETCH FIRST 1 ROWS ONLY")
			.param("message:" + id)
			.query(String.class)
			.list();
		assertThat(decision).containsExactly("screener MESSAGE_REJECTED");
	}

	@Test
	void theQueueCanPutTheRiskiestMessageFirst() throws Exception {
		UUID mild = send("1000000001", "Bel me op 06-11112222 of kijk op www.voorbeeld.nl als het uitkomt.");
		UUID risky = send("1000000001",
				"Bel 06-33334444, stort op NL91ABNA0417164300 en kijk op www.voorbeeld.nl, de drugs liggen klaar.");
		await().until(() -> messages.get(mild).status() == MessageStatus.IN_REVIEW
				&& messages.get(risky).status() == MessageStatus.IN_REVIEW);
		String queue = mvc.perform(get("/api/v1/review").param("order", "risk").with(SCREENER))
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<String> order = JsonPath.read(queue, "$[*].id");
		assertThat(order.indexOf(risky.toString())).isLessThan(order.indexOf(mild.toString()));
		List<Integer> risks = JsonPath.read(queue, "$[*].risk");
		assertThat(risks).isSortedAccordingTo(java.util.Comparator.reverseOrder());
	}

	@Test
	void anAdministratorReloadsTheRulesAndABrokenFileIsRefusedWithItsLine() throws Exception {
		String before = JsonPath.read(mvc.perform(get("/api/v1/screening/rules").with(ADMIN_FOR_RULES))
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.version");
		Path piv = rulesDir.resolve("PIV.rules");
		String original = Files.readString(piv);
		try {
			Files.writeString(piv, original + "\n[patterns]\nfax-number = review\n");
			mvc.perform(post("/api/v1/screening/rules/reload").with(ADMIN_FOR_RULES))
				.andExpect(status().isUnprocessableContent())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.file").value(piv.toString()))
				.andExpect(jsonPath("$.detail").value(containsString("(regel 6)")))
				.andExpect(jsonPath("$.reason").value(containsString("unknown pattern 'fax-number'")));
			mvc.perform(get("/api/v1/screening/rules").with(ADMIN_FOR_RULES))
				.andExpect(jsonPath("$.version").value(before));
		}
		finally {
			Files.writeString(piv, original);
		}
		mvc.perform(post("/api/v1/screening/rules/reload").with(ADMIN_FOR_RULES))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.version").value(before));
		assertThat(count("SELECT COUNT(*) FROM audit_event WHERE type = 'SCREENING_RULES_RELOADED'")).isEqualTo(1);
	}

	/**
	 * The admin account is also used by the sign-in throttle test; a second administrator
	 * keeps this test apart.
	 */
	private static final org.springframework.test.web.servlet.request.RequestPostProcessor ADMIN_FOR_RULES = user(
			PostbrugUser.staff("rules-admin", "", Set.of(Role.FACILITY_ADMIN), true, Set.of(), true));

}
