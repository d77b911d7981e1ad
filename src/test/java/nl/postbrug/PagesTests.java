package nl.postbrug;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import nl.postbrug.batches.BatchView;
import nl.postbrug.batches.Batches;
import nl.postbrug.intake.MessageStatus;
import nl.postbrug.intake.MessageView;
import nl.postbrug.intake.Messages;
import nl.postbrug.registry.PostbrugUser;
import nl.postbrug.registry.Registry;
import nl.postbrug.registry.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The server-rendered pages end to end on the demo data: signing in, every role's pages
 * rendered from real data, the relative's compose flow, escaping of message text, the
 * review decision, and a hand-over scan after a batch run. Who may open what, CSRF and
 * each page's refusals are tested per controller ({@code XxxPageTests}).
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("demo")
class PagesTests {

	private static final Path DATA = temporaryDirectory();

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) {
		registry.add("postbrug.data-dir", DATA::toString);
		registry.add("postbrug.screening.rules-dir",
				() -> nl.postbrug.support.DataDirs.sampleRulesWithoutDailyLimits(DATA.toString()));
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	Messages messages;

	@Autowired
	Registry registry;

	@Autowired
	Batches batches;

	@Test
	void signingInWithTheDemoPasswordLeadsToTheFrontDoor() throws Exception {
		mvc.perform(post("/login").param("username", "screener").param("password", "demo").with(csrf()))
			.andExpect(redirectedUrl("/"));
		mvc.perform(post("/login").param("username", "screener").param("password", "wrong").with(csrf()))
			.andExpect(redirectedUrl("/login?error"));
	}

	@Test
	void eachRoleOpensItsOwnPagesOnTheDemoData() throws Exception {
		PostbrugUser anna = anna();
		PostbrugUser screener = staff("screener", Role.SCREENER);
		PostbrugUser postroom = staff("postroom", Role.POSTROOM);
		PostbrugUser admin = staff("admin", Role.FACILITY_ADMIN);
		PostbrugUser auditor = staff("auditor", Role.AUDITOR);

		page("/messages", anna).andExpect(status().isOk())
			.andExpect(content().string(containsString("Mijn berichten")));
		page("/compose", anna).andExpect(status().isOk())
			.andExpect(content().string(containsString("name=\"idempotencyKey\"")));
		page("/review", screener).andExpect(status().isOk())
			.andExpect(content().string(containsString("<h1>Beoordelen</h1>")));
		page("/postroom", postroom).andExpect(status().isOk())
			.andExpect(content().string(containsString("Nu een drukronde maken")));
		page("/postroom", admin).andExpect(status().isOk());
		page("/postroom/scan", postroom).andExpect(status().isOk())
			.andExpect(content().string(containsString("autofocus")));
		page("/audit", auditor).andExpect(status().isOk()).andExpect(content().string(containsString("KETEN INTACT")));
	}

	@Test
	void composeSendsTheMessageOnceEvenWhenPostedTwice() throws Exception {
		PostbrugUser anna = anna();
		String text = "Tot zaterdag! " + nl.postbrug.support.DataDirs.uniqueWords();
		String key = UUID.randomUUID().toString();
		for (int i = 0; i < 2; i++) {
			mvc.perform(multipart("/compose").param("prisoner", "1000000001")
				.param("text", text)
				.param("idempotencyKey", key)
				.with(user(anna))
				.with(csrf())).andExpect(redirectedUrl("/messages")).andExpect(flash().attributeExists("notice"));
		}
		assertThat(messages.sentBy(anna.contactId(), 500)).filteredOn(m -> text.equals(m.body())).hasSize(1);
	}

	@Test
	void messageTextIsEscapedOnTheReviewAndMessagesPages() throws Exception {
		UUID id = send("<script>alert(1)</script> bel me op 0612345678 of kijk op www.voorbeeld.nl "
				+ nl.postbrug.support.DataDirs.uniqueWords());
		awaitStatus(id, MessageStatus.IN_REVIEW);

		page("/review", staff("screener", Role.SCREENER)).andExpect(status().isOk())
			.andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt;")))
			.andExpect(content().string(not(containsString("<script>alert(1)"))))
			.andExpect(content().string(containsString("<mark title=\"phone-number\">0612345678</mark>")));
		page("/messages", anna()).andExpect(status().isOk())
			.andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt;")))
			.andExpect(content().string(not(containsString("<script>alert(1)"))));
	}

	@Test
	void screenerDecidesFromTheQueueAndIsToldWhenTheFormIsIncomplete() throws Exception {
		PostbrugUser screener = staff("screener", Role.SCREENER);
		UUID id = send(
				"Mijn nummer is 0687654321, kijk op www.voorbeeld.nl " + nl.postbrug.support.DataDirs.uniqueWords());
		awaitStatus(id, MessageStatus.IN_REVIEW);

		mvc.perform(post("/review/{id}", id).param("decision", "REJECT").with(user(screener)).with(csrf()))
			.andExpect(redirectedUrl("/review"))
			.andExpect(flash().attribute("problem", "Schrijf bij een afwijzing een reden; de afzender leest die."));
		mvc.perform(post("/review/{id}", id).param("decision", "APPROVE").with(user(screener)).with(csrf()))
			.andExpect(redirectedUrl("/review"))
			.andExpect(flash().attributeExists("notice"));
		assertThat(messages.get(id).status()).isEqualTo(MessageStatus.APPROVED);
		mvc.perform(post("/review/{id}", id).param("decision", "APPROVE").with(user(screener)).with(csrf()))
			.andExpect(flash().attribute("problem", containsString("kan daarom niet ‘Goedgekeurd’ worden")));
	}

	@Test
	void scanPageShowsDeliveredForALetterOfTheBatchJustRun() throws Exception {
		PostbrugUser postroom = staff("postroom", Role.POSTROOM);
		UUID id = send("Een gewone brief " + nl.postbrug.support.DataDirs.uniqueWords());
		awaitStatus(id, MessageStatus.APPROVED);

		MvcResult run = mvc.perform(post("/postroom/facilities/PIA/batches").with(user(postroom)).with(csrf()))
			.andExpect(redirectedUrlPattern("/postroom/batches/*"))
			.andReturn();
		long batchId = Long.parseLong(run.getResponse().getRedirectedUrl().replaceAll(".*/", ""));
		BatchView.Item letter = batches.items(batchId)
			.stream()
			.filter(item -> item.message().equals(id))
			.findFirst()
			.orElseThrow();
		page("/postroom/batches/" + batchId, postroom).andExpect(content().string(containsString(letter.code())))
			.andExpect(content().string(containsString("Herdrukken</button>")));
		page("/postroom/batches/" + batchId, staff("admin", Role.FACILITY_ADMIN))
			.andExpect(content().string(not(containsString("Herdrukken</button>"))));

		mvc.perform(post("/postroom/scan").param("code", letter.code()).with(user(postroom)).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("outcome-ok")))
			.andExpect(content().string(containsString(">OVERHANDIGD<")))
			.andExpect(content().string(containsString("Jan de Vries")))
			.andExpect(content().string(containsString("B-2.01")))
			.andExpect(content().string(containsString("autofocus")));
		assertThat(messages.get(id).status()).isEqualTo(MessageStatus.DELIVERED);
		mvc.perform(post("/postroom/scan").param("code", letter.code()).with(user(postroom)).with(csrf()))
			.andExpect(content().string(containsString("AL OVERHANDIGD")))
			.andExpect(content().string(containsString("outcome-warn")));
		mvc.perform(post("/postroom/scan").param("code", "PB-AAAAA-AAAAA-A")
			.header("Accept-Language", "en")
			.with(user(postroom))
			.with(csrf())).andExpect(content().string(containsString("UNKNOWN CODE")));
	}

	private org.springframework.test.web.servlet.ResultActions page(String path, PostbrugUser user) throws Exception {
		MockHttpServletRequestBuilder request = get(path).accept(MediaType.TEXT_HTML).with(user(user));
		return mvc.perform(request);
	}

	private UUID send(String text) throws Exception {
		PostbrugUser anna = anna();
		mvc.perform(multipart("/compose").param("prisoner", "1000000001")
			.param("text", text)
			.param("idempotencyKey", UUID.randomUUID().toString())
			.with(user(anna))
			.with(csrf())).andExpect(redirectedUrl("/messages"));
		List<MessageView> sent = messages.sentBy(anna.contactId(), 500);
		return sent.stream().filter(m -> text.equals(m.body())).findFirst().orElseThrow().id();
	}

	private void awaitStatus(UUID id, MessageStatus status) {
		await().atMost(Duration.ofSeconds(20)).until(() -> messages.get(id).status() == status);
	}

	private PostbrugUser anna() {
		return PostbrugUser.relative(registry.contact("anna@example.org").orElseThrow(), "n/a");
	}

	private static PostbrugUser staff(String username, Role role) {
		return PostbrugUser.staff(username, "n/a", Set.of(role), true, Set.of(), true);
	}

	private static Path temporaryDirectory() {
		try {
			Path dir = Files.createTempDirectory("postbrug-pages-");
			dir.toFile().deleteOnExit();
			return dir;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
