package nl.postbrug.screening;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import nl.postbrug.intake.MessageIntake;
import nl.postbrug.intake.MessageStatus;
import nl.postbrug.intake.Messages;
import nl.postbrug.registry.PostbrugUser;
import nl.postbrug.registry.Role;
import nl.postbrug.support.DataDirs;
import nl.postbrug.support.FreePort;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

/**
 * The whole review journey with a real SMTP server (GreenMail on loopback): a risky
 * message waits in the queue with its findings highlighted, a screener rejects it with a
 * reason from the list, and the sender receives that reason by mail in Dutch and English,
 * without the rule that found it.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("demo")
class RejectionMailTests {

	private static final int SMTP_PORT = FreePort.onLoopback();

	@RegisterExtension
	static final GreenMailExtension smtp = new GreenMailExtension(
			new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
		.withPerMethodLifecycle(false);

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		String dir = DataDirs.fresh("rejection-mail");
		registry.add("postbrug.data-dir", () -> dir);
		registry.add("postbrug.notify.from", () -> "postbrug@postbrug.example.org");
		registry.add("postbrug.notify.smtp.host", () -> "127.0.0.1");
		registry.add("postbrug.notify.smtp.port", () -> SMTP_PORT);
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	MessageIntake intake;

	@Autowired
	Messages messages;

	@Autowired
	UserDetailsService users;

	@Test
	void theSenderIsToldTheListedReasonByMail() throws Exception {
		PostbrugUser anna = (PostbrugUser) users.loadUserByUsername("anna@example.org");
		UUID id = intake
			.submit(anna, "1000000001",
					"Lieve Jan, bel me op 06-12345678 zodra je kan, of kijk op www.voorbeeld.nl. Anna", List.of(), null)
			.id();
		await().until(() -> messages.get(id).status() == MessageStatus.IN_REVIEW);
		PostbrugUser screener = PostbrugUser.staff("screener", "", Set.of(Role.SCREENER), true, Set.of(), true);
		mvc.perform(get("/review").with(user(screener)))
			.andExpect(content().string(containsString("<mark title=\"phone-number\">06-12345678</mark>")));

		mvc.perform(post("/review/{id}", id).param("decision", "REJECT")
			.param("reason", "CONTACT_DETAILS")
			.with(user(screener))
			.with(csrf()));

		String reference = id.toString().substring(0, 8);
		await().until(() -> rejectionMail(reference) != null);
		MimeMessage mail = rejectionMail(reference);
		assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("anna@example.org");
		String body = GreenMailUtil.getBody(mail);
		assertThat(body).contains("Reden: Telefoonnummers, adressen, links en rekeningnummers worden niet doorgegeven.")
			.contains("Phone numbers, addresses, links and account numbers are not passed on.")
			.doesNotContain("phone-number");
	}

	private MimeMessage rejectionMail(String reference) throws Exception {
		for (MimeMessage mail : smtp.getReceivedMessages()) {
			if (mail.getSubject().contains("niet bezorgd") && mail.getSubject().contains(reference)) {
				return mail;
			}
		}
		return null;
	}

}
