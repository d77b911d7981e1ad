package nl.postbrug.notify;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import nl.postbrug.batches.BatchView;
import nl.postbrug.batches.Batches;
import nl.postbrug.delivery.Delivery;
import nl.postbrug.delivery.ScanOutcome;
import nl.postbrug.intake.MessageIntake;
import nl.postbrug.intake.MessageStatus;
import nl.postbrug.intake.Messages;
import nl.postbrug.registry.Contact;
import nl.postbrug.registry.PostbrugUser;
import nl.postbrug.registry.Registry;
import nl.postbrug.registry.Role;
import nl.postbrug.registry.StatusMailChoices;
import nl.postbrug.support.DataDirs;
import nl.postbrug.support.FreePort;
import nl.postbrug.support.ReceivedMails;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The mail at every step a relative can choose, through a real SMTP server (GreenMail):
 * off by default, then received, approved, printed and handed over, each in the account's
 * language only, in words of the portal and with nothing internal; rejected and withheld
 * read the same.
 */
@SpringBootTest
@ActiveProfiles("demo")
class StatusMailsTests {

	private static final int SMTP_PORT = FreePort.onLoopback();

	@RegisterExtension
	static final GreenMailExtension smtp = new GreenMailExtension(
			new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
		.withPerMethodLifecycle(false);

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		String dir = DataDirs.fresh("status-mails");
		String rules = DataDirs.sampleRulesWithoutDailyLimits(dir);
		registry.add("postbrug.data-dir", () -> dir);
		registry.add("postbrug.screening.rules-dir", () -> rules);
		registry.add("postbrug.notify.from", () -> "postbrug@postbrug.example.org");
		registry.add("postbrug.notify.smtp.host", () -> "127.0.0.1");
		registry.add("postbrug.notify.smtp.port", () -> SMTP_PORT);
	}

	@Autowired
	MessageIntake intake;

	@Autowired
	Messages messages;

	@Autowired
	Registry registry;

	@Autowired
	Batches batches;

	@Autowired
	Delivery delivery;

	@Autowired
	StatusMailChoices choices;

	@Autowired
	StatusMails statusMails;

	@Autowired
	JdbcClient jdbc;

	private final PostbrugUser postroom = PostbrugUser.staff("postroom", "n/a", Set.of(Role.POSTROOM), true, Set.of(),
			true);

	@AfterEach
	void turnedOffAgain() {
		choices.choose(anna().id(), false, Locale.forLanguageTag("nl"));
	}

	@Test
	void offByDefaultOnlyTheUsualNoticesGoOut() throws Exception {
		assertThat(choices.of(anna().id()).orElseThrow().statusMails()).isFalse();
		UUID id = send("1000000001");
		everyListenerDone();
		assertThat(ReceivedMails.about(smtp, id)).extracting(MimeMessage::getSubject)
			.containsExactly("Postbrug: bericht ontvangen / message received (" + ReceivedMails.reference(id) + ")");
	}

	@Test
	void aRelativeWhoChoseItHearsOfEveryStepInTheirAccountsLanguage() throws Exception {
		choices.choose(anna().id(), true, Locale.ENGLISH);
		UUID id = send("1000000001");
		String code = printed(id);
		assertThat(delivery.scan(code, postroom).outcome()).isEqualTo(ScanOutcome.DELIVERED);
		await().until(() -> ReceivedMails.about(smtp, id).size() == 4);
		everyListenerDone();
		List<MimeMessage> mails = ReceivedMails.about(smtp, id);
		assertThat(mails).extracting(MimeMessage::getSubject)
			.containsExactlyInAnyOrder("Postbrug: your message was received (" + ReceivedMails.reference(id) + ")",
					"Postbrug: your message was approved (" + ReceivedMails.reference(id) + ")",
					"Postbrug: your letter was printed (" + ReceivedMails.reference(id) + ")",
					"Postbrug: your letter was handed over (" + ReceivedMails.reference(id) + ")");
		for (MimeMessage mail : mails) {
			String body = GreenMailUtil.getBody(mail);
			assertThat(body).startsWith("Dear Anna de Vries,")
				.contains("Jan de Vries", "under 'My account'", "Replies to it are not read.")
				.doesNotContain("Beste", "bericht", "screen", "rule", "review");
			assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("anna@example.org");
		}
		assertThat(body(mails, "handed over")).contains("was handed over to Jan de Vries.");
	}

	@Test
	void aDutchAccountHearsInDutch() throws Exception {
		choices.choose(anna().id(), true, Locale.forLanguageTag("nl"));
		UUID id = send("1000000001");
		await().until(() -> ReceivedMails.about(smtp, id).size() == 2);
		List<MimeMessage> mails = ReceivedMails.about(smtp, id);
		assertThat(mails).extracting(MimeMessage::getSubject)
			.containsExactlyInAnyOrder("Postbrug: uw bericht is ontvangen (" + ReceivedMails.reference(id) + ")",
					"Postbrug: uw bericht is goedgekeurd (" + ReceivedMails.reference(id) + ")");
		assertThat(body(mails, "goedgekeurd")).startsWith("Beste Anna de Vries,")
			.contains("is goedgekeurd. Het wordt bij de volgende drukronde als brief afgedrukt.")
			.contains("Antwoorden op deze e-mail worden niet gelezen.")
			.doesNotContain("Dear", "message");
	}

	@Test
	void aWithheldMessageReadsExactlyLikeARejectedOne() throws Exception {
		UUID id = send("1000000001");
		var message = messages.find(id).orElseThrow();
		for (Locale locale : List.of(Locale.forLanguageTag("nl"), Locale.ENGLISH)) {
			SenderMail withheld = statusMails.words(message, MessageStatus.WITHHELD, "Anna", locale);
			SenderMail rejected = statusMails.words(message, MessageStatus.REJECTED, "Anna", locale);
			assertThat(withheld).isEqualTo(rejected);
			assertThat(withheld.body()).doesNotContain("withh", "inhoud", "ingehouden");
		}
	}

	private Contact anna() {
		return registry.contact("anna@example.org").orElseThrow();
	}

	private UUID send(String prisoner) {
		PostbrugUser anna = PostbrugUser.relative(anna(), "n/a");
		UUID id = intake
			.submit(anna, prisoner, "Tot snel! " + DataDirs.uniqueWords(), List.of(), UUID.randomUUID().toString())
			.id();
		await().until(() -> messages.get(id).status() == MessageStatus.APPROVED);
		return id;
	}

	private String printed(UUID id) {
		BatchView batch = batches.runNow(registry.facility("PIA").orElseThrow(), postroom);
		return batches.items(batch.id())
			.stream()
			.filter(item -> item.message().equals(id))
			.findFirst()
			.orElseThrow()
			.code();
	}

	private void everyListenerDone() {
		await().until(() -> jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL")
			.query(Long.class)
			.single() == 0);
	}

	private static String body(List<MimeMessage> mails, String subjectPart) throws Exception {
		for (MimeMessage mail : mails) {
			if (mail.getSubject().contains(subjectPart)) {
				return GreenMailUtil.getBody(mail);
			}
		}
		throw new AssertionError("no mail about " + subjectPart);
	}

}
