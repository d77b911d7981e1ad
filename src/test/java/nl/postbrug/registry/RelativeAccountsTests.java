package nl.postbrug.registry;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.jayway.jsonpath.JsonPath;
import nl.postbrug.support.DataDirs;
import nl.postbrug.support.FreePort;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A new relative's way in over the API, with a real SMTP server (GreenMail on loopback)
 * that the codes and decisions are read from: register, verify with the mailed code, ask
 * to write to a prisoner, get approved by the facility's administrator, write. And what
 * must never show: whether an address has an account, whether a registry number exists,
 * another relative's requests, another facility's requests.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("demo")
class RelativeAccountsTests {

	private static final int SMTP_PORT = FreePort.onLoopback();

	private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

	private static final String PASSWORD = "lange zomeravond aan zee";

	@RegisterExtension
	static final GreenMailExtension smtp = new GreenMailExtension(
			new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
		.withPerMethodLifecycle(false);

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		String dir = DataDirs.fresh("relative-accounts");
		registry.add("postbrug.data-dir", () -> dir);
		registry.add("postbrug.notify.from", () -> "postbrug@postbrug.example.org");
		registry.add("postbrug.notify.smtp.host", () -> "127.0.0.1");
		registry.add("postbrug.notify.smtp.port", () -> SMTP_PORT);
		registry.add("postbrug.accounts.code-interval", () -> "0s");
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Registry registry;

	private ResultActions json(String path, String body, RequestPostProcessor... who) throws Exception {
		var request = post(path).contentType(MediaType.APPLICATION_JSON).content(body);
		for (RequestPostProcessor one : who) {
			request = request.with(one);
		}
		return mvc.perform(request);
	}

	private String register(String email, String name) throws Exception {
		int before = smtp.getReceivedMessagesForDomain(email).length;
		json("/api/v1/registrations",
				"{\"email\":\"" + email + "\",\"name\":\"" + name + "\",\"password\":\"" + PASSWORD + "\"}")
			.andExpect(status().isAccepted());
		await().until(() -> smtp.getReceivedMessagesForDomain(email).length > before);
		MimeMessage[] mails = smtp.getReceivedMessagesForDomain(email);
		return GreenMailUtil.getBody(mails[mails.length - 1]);
	}

	private static String code(String body) {
		Matcher m = CODE.matcher(body.replace("=\r\n", ""));
		assertThat(m.find()).as(body).isTrue();
		return m.group(1);
	}

	@Test
	void aNewRelativeRegistersVerifiesAsksIsApprovedAndWrites() throws Exception {
		String body = register("sanne@family.example", "Sanne Bakker");
		assertThat(body).contains("Uw code om uw e-mailadres te bevestigen is").contains("Your code to confirm");
		String code = code(body);
		// The code is in the body only: a subject shows on lock screens and in mail
		// lists.
		MimeMessage[] sent = smtp.getReceivedMessagesForDomain("sanne@family.example");
		assertThat(sent[sent.length - 1].getSubject()).contains("bevestigingscode").doesNotContain(code);
		RequestPostProcessor sanne = httpBasic("sanne@family.example", PASSWORD);
		// Not usable before the address is proven.
		mvc.perform(get("/api/v1/me/prisoners").with(sanne)).andExpect(status().isUnauthorized());
		json("/api/v1/registrations/verify", "{\"email\":\"sanne@family.example\",\"code\":\"" + code + "\"}")
			.andExpect(status().isOk());
		mvc.perform(get("/api/v1/me/prisoners").with(sanne))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$").isEmpty());

		String known = json("/api/v1/me/approval-requests",
				"{\"prisoner\":\"1000000004\",\"relationship\":\"zus\",\"note\":\"Ik ben zijn zus.\"}", sanne)
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.status").value("PENDING"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String unknown = json("/api/v1/me/approval-requests",
				"{\"prisoner\":\"9999999999\",\"relationship\":\"zus\",\"note\":\"Ik ben zijn zus.\"}", sanne)
			.andExpect(status().isAccepted())
			.andReturn()
			.getResponse()
			.getContentAsString();
		// The same shape and status: nothing tells which number exists.
		assertThat(unknown.replaceAll("[0-9a-f-]{36}", "ID")).isEqualTo(known.replaceAll("[0-9a-f-]{36}", "ID"));
		String id = JsonPath.read(known, "$.id");
		mvc.perform(get("/api/v1/me/approval-requests").with(sanne))
			.andExpect(jsonPath("$.length()").value(2))
			.andExpect(jsonPath("$[0].status").value("PENDING"))
			.andExpect(jsonPath("$[1].status").value("PENDING"));

		// Writing before approval: answered the same for the known and the unknown
		// number.
		String notYet = mvc
			.perform(multipart("/api/v1/messages").param("prisoner", "1000000004").param("text", "Hoi").with(sanne))
			.andExpect(status().isForbidden())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String noSuch = mvc
			.perform(multipart("/api/v1/messages").param("prisoner", "9999999999").param("text", "Hoi").with(sanne))
			.andExpect(status().isForbidden())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(noSuch.replace("9999999999", "N")).isEqualTo(notYet.replace("1000000004", "N"));

		// The admin of another facility sees nothing of it and cannot decide it.
		long piv = registry.facility("PIV").orElseThrow().id();
		RequestPostProcessor pivAdmin = user(
				PostbrugUser.staff("admin-piv", "n/a", Set.of(Role.FACILITY_ADMIN), false, Set.of(piv), true));
		String seenByPiv = mvc.perform(get("/api/v1/approval-requests").with(pivAdmin))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(JsonPath.<List<String>>read(seenByPiv, "$[*].id")).doesNotContain(id);
		json("/api/v1/approval-requests/" + id, "{\"decision\":\"APPROVE\"}", pivAdmin)
			.andExpect(status().isNotFound());
		// Nor can a relative.
		json("/api/v1/approval-requests/" + id, "{\"decision\":\"APPROVE\"}", sanne).andExpect(status().isForbidden());

		RequestPostProcessor admin = httpBasic("admin", "demo");
		String pending = mvc.perform(get("/api/v1/approval-requests").with(admin))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(JsonPath.<List<String>>read(pending, "$[?(@.id == '" + id + "')].prisoner")).as(pending)
			.containsExactly("1000000004");
		assertThat(JsonPath.<List<String>>read(pending, "$[*].prisoner")).doesNotContain("9999999999");
		int before = smtp.getReceivedMessagesForDomain("family.example").length;
		json("/api/v1/approval-requests/" + id, "{\"decision\":\"APPROVE\"}", admin).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("APPROVED"));
		await().until(() -> smtp.getReceivedMessagesForDomain("family.example").length > before);
		MimeMessage[] mails = smtp.getReceivedMessagesForDomain("family.example");
		assertThat(GreenMailUtil.getBody(mails[mails.length - 1])).contains("Uw aanvraag is goedgekeurd")
			.contains("1000000004");
		json("/api/v1/approval-requests/" + id, "{\"decision\":\"REFUSE\",\"reason\":\"x\"}", admin)
			.andExpect(status().isNotFound());

		mvc.perform(get("/api/v1/me/prisoners").with(sanne)).andExpect(jsonPath("$[0].number").value("1000000004"));
		byte[] preview = mvc
			.perform(multipart("/api/v1/messages/preview").param("prisoner", "1000000004")
				.param("text", "Hoi Mehmet, tot snel.")
				.with(sanne))
			.andExpect(status().isOk())
			.andExpect(content().contentType(MediaType.APPLICATION_PDF))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		java.nio.file.Files.createDirectories(java.nio.file.Path.of("target"));
		java.nio.file.Files.write(java.nio.file.Path.of("target", "preview.pdf"), preview);
		try (var doc = org.apache.pdfbox.Loader.loadPDF(preview)) {
			String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
			assertThat(text).contains("VOORBEELD").contains("Hoi Mehmet, tot snel.").contains("Mehmet");
		}
		assertThat(nl.postbrug.letters.PrintedCodes.decodeEachPage(preview, 150))
			.noneMatch(nl.postbrug.letters.CopyCodes::isWellFormed);
		// Nothing was stored by the preview.
		assertThat(jdbc.sql("SELECT COUNT(*) FROM message WHERE body = 'Hoi Mehmet, tot snel.'")
			.query(Long.class)
			.single()).isZero();
		mvc.perform(
				multipart("/api/v1/messages").param("prisoner", "1000000004").param("text", "Hoi Mehmet").with(sanne))
			.andExpect(status().isAccepted());

		// Another relative sees none of Sanne's requests or messages.
		RequestPostProcessor anna = httpBasic("anna@example.org", "demo");
		String annas = mvc.perform(get("/api/v1/me/approval-requests").with(anna))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(JsonPath.<List<String>>read(annas, "$[*].id")).doesNotContain(id);
		String sannes = JsonPath.read(
				mvc.perform(get("/api/v1/messages").with(sanne)).andReturn().getResponse().getContentAsString(),
				"$[0].id");
		mvc.perform(get("/api/v1/messages/" + sannes).with(anna)).andExpect(status().isNotFound());
		String annasMessages = mvc.perform(get("/api/v1/messages").with(anna))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(JsonPath.<List<String>>read(annasMessages, "$[*].id")).doesNotContain(sannes);
	}

	@Test
	void registeringAKnownAddressIsAnsweredTheSameAndTellsTheOwnerByMail() throws Exception {
		String body = register("anna@example.org", "Someone Else");
		assertThat(body).contains("u hebt al een account").doesNotContainPattern("\\b\\d{6}\\b");
		// Anna's password still works; the stranger's does not.
		mvc.perform(get("/api/v1/me/prisoners").with(httpBasic("anna@example.org", "demo"))).andExpect(status().isOk());
		mvc.perform(get("/api/v1/me/prisoners").with(httpBasic("anna@example.org", PASSWORD)))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void aCodeExpiresAfterItsTriesAndWrongCodesAllLookAlike() throws Exception {
		String code = code(register("tries@family.example", "Tries"));
		String wrong = code.equals("000000") ? "111111" : "000000";
		String first = json("/api/v1/registrations/verify",
				"{\"email\":\"tries@family.example\",\"code\":\"" + wrong + "\"}")
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String nobody = json("/api/v1/registrations/verify",
				"{\"email\":\"nobody@family.example\",\"code\":\"123456\"}")
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(nobody).isEqualTo(first);
		for (int i = 0; i < 4; i++) {
			json("/api/v1/registrations/verify", "{\"email\":\"tries@family.example\",\"code\":\"" + wrong + "\"}")
				.andExpect(status().isBadRequest());
		}
		// Five wrong tries: the right code no longer opens anything.
		json("/api/v1/registrations/verify", "{\"email\":\"tries@family.example\",\"code\":\"" + code + "\"}")
			.andExpect(status().isBadRequest());
	}

	@Test
	void weakPasswordsAndBadAddressesAreRefusedAtTheirFieldInTheRequestsLanguage() throws Exception {
		json("/api/v1/registrations", "{\"email\":\"p@family.example\",\"name\":\"P\",\"password\":\"wachtwoord123\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.title").value("Gegevens niet aangenomen"))
			.andExpect(jsonPath("$.errors.password").exists());
		mvc.perform(post("/api/v1/registrations").contentType(MediaType.APPLICATION_JSON)
			.header("Accept-Language", "en")
			.content("{\"email\":\"p@family.example\",\"name\":\"P\",\"password\":\"short\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("Choose a password of at least 10 characters."));
		json("/api/v1/registrations", "{\"email\":\"not an address\",\"name\":\"P\",\"password\":\"" + PASSWORD + "\"}")
			.andExpect(jsonPath("$.errors.email").exists());
	}

	@Test
	void aForgottenPasswordIsResetWithTheMailedCode() throws Exception {
		json("/api/v1/password-resets", "{\"email\":\"anna@example.org\"}").andExpect(status().isAccepted());
		json("/api/v1/password-resets", "{\"email\":\"nobody-here@example.org\"}").andExpect(status().isAccepted());
		String code = code(await().until(() -> resetMail("anna@example.org"), java.util.Objects::nonNull));
		assertThat(resetMail("nobody-here@example.org")).isNull();
		json("/api/v1/password-resets/confirm",
				"{\"email\":\"anna@example.org\",\"code\":\"" + code + "\",\"password\":\"" + PASSWORD + "\"}")
			.andExpect(status().isOk());
		mvc.perform(get("/api/v1/me/prisoners").with(httpBasic("anna@example.org", PASSWORD)))
			.andExpect(status().isOk());
		// Put back for the other tests of this context.
		jdbc.sql("UPDATE contact SET password_hash = ? WHERE email = 'anna@example.org'").param("{noop}demo").update();
	}

	/** The body of the last password reset mail to {@code address}, or null. */
	private static String resetMail(String address) throws Exception {
		String body = null;
		for (MimeMessage mail : smtp.getReceivedMessages()) {
			if (mail.getAllRecipients()[0].toString().equals(address)
					&& mail.getSubject().contains("code voor een nieuw wachtwoord")) {
				body = GreenMailUtil.getBody(mail);
				assertThat(mail.getSubject()).doesNotContainPattern("\\d{6}");
			}
		}
		return body;
	}

}
