package nl.postbrug.intake.imap;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import nl.postbrug.intake.IntakeReason;
import nl.postbrug.intake.IntakeSettings;
import nl.postbrug.intake.MessageStatus;
import nl.postbrug.intake.MessageView;
import nl.postbrug.intake.Messages;
import nl.postbrug.intake.ReasonTexts;
import nl.postbrug.intake.mail.RawMailIntake;
import nl.postbrug.support.ApiTestSupport;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The IMAP poller against a real IMAP and SMTP server (GreenMail on loopback), with the
 * demo registry: mail becomes letter-ready messages, nothing doubles or is lost when the
 * same mail comes twice, the connection is cut, the server restarts or two pollers race,
 * and senders are told by mail.
 */
class ImapPollerTests extends ApiTestSupport {

	static final GreenMailServers servers = new GreenMailServers();

	@RegisterExtension
	static final GreenMailExtension greenMail = servers.greenMail;

	@DynamicPropertySource
	static void mailServers(DynamicPropertyRegistry registry) {
		registry.add("postbrug.intake.imap.host", () -> "127.0.0.1");
		registry.add("postbrug.intake.imap.port", () -> servers.imapPort);
		registry.add("postbrug.intake.imap.tls", () -> "false");
		registry.add("postbrug.intake.imap.user", () -> GreenMailServers.LOGIN);
		registry.add("postbrug.intake.imap.password", () -> GreenMailServers.PASSWORD);
		// The tests poll by hand; the poller's own thread polls once at start and then
		// waits.
		registry.add("postbrug.intake.imap.poll-interval", () -> "1h");
		registry.add("postbrug.intake.imap.retry-min", () -> "1h");
		registry.add("postbrug.intake.imap.failures-until-down", () -> "2");
		registry.add("postbrug.intake.imap.timeout", () -> "5s");
		registry.add("postbrug.intake.max-mail-bytes", () -> String.valueOf(2 * 1024 * 1024));
		registry.add("postbrug.notify.from", () -> "postbrug@postbrug.example.org");
		registry.add("postbrug.notify.smtp.host", () -> "127.0.0.1");
		registry.add("postbrug.notify.smtp.port", () -> servers.smtpPort);
		registry.add("postbrug.notify.smtp.timeout", () -> "5s");
		registry.add("postbrug.intake.mail.authserv-ids", () -> "mx.postbrug.example.org");
	}

	@Autowired
	ImapPoller poller;

	@Autowired
	ImapSettings settings;

	@Autowired
	ImapHealth health;

	@Autowired
	Messages messages;

	@Autowired
	RawMailIntake rawMail;

	@Autowired
	IntakeSettings intakeSettings;

	@Autowired
	Clock clock;

	@Autowired
	ReasonTexts texts;

	@BeforeEach
	void emptyMailbox() throws Exception {
		if (!greenMail.isRunning()) {
			greenMail.start();
		}
		greenMail.purgeEmailFromAllMailboxes();
	}

	@Test
	void aMailArrivesAsALetterReadyMessageAndTheSenderIsTold() throws Exception {
		servers.deliver(mail("anna@example.org", "Voor Jan", "", "Lieve Jan,\r\nhet gaat goed hier.", true));
		ImapPoller.Poll poll = poller.pollOnce();
		assertThat(poll.error()).isNull();
		assertThat(poll.taken()).isEqualTo(1);
		MessageView message = settled("Voor Jan");
		assertThat(message.status()).isEqualTo(MessageStatus.APPROVED);
		assertThat(message.body()).isEqualTo("Lieve Jan,\nhet gaat goed hier.");
		assertThat(message.photoCount()).isEqualTo(1);
		assertThat(messages.photos(message.id()).get(0).contentType()).isEqualTo("image/jpeg");
		assertThat(servers.count("INBOX")).isZero();
		assertThat(servers.count("Processed")).isEqualTo(1);
		MimeMessage told = notification("anna@example.org", message.id());
		assertThat(told.getSubject()).isEqualTo(
				"Postbrug: bericht ontvangen / message received (" + message.id().toString().substring(0, 8) + ")");
		assertThat(told.getFrom()[0].toString()).isEqualTo("postbrug@postbrug.example.org");
		assertThat(told.getHeader("Auto-Submitted")).containsExactly("auto-replied");
		assertThat((String) told.getContent()).contains("is ontvangen").contains("was received");
	}

	@Test
	void theReceiptNamesCharactersTheLetterCannotPrint() throws Exception {
		servers
			.deliver(mail("anna@example.org", "Giraf", "", "Lieve Jan, een giraf voor je: 🦒. Zażółć, Привет.", false));
		assertThat(poller.pollOnce().taken()).isEqualTo(1);
		MessageView message = settled("Giraf");

		String told = (String) notification("anna@example.org", message.id()).getContent();

		assertThat(told).contains("Deze tekens kunnen niet worden afgedrukt", "These characters cannot be printed",
				"- 🦒 (U+1F992 GIRAFFE FACE)");
		assertThat(told.lines().filter(line -> line.startsWith("- "))).hasSize(2);
	}

	@Test
	void theSameMailDeliveredTwiceMakesOneMessage() {
		byte[] mail = mail("anna@example.org", "Twee keer", "", "Dit komt twee keer aan.", false);
		servers.deliver(mail);
		servers.deliver(mail);
		ImapPoller.Poll poll = poller.pollOnce();
		assertThat(poll.error()).isNull();
		assertThat(poll.taken()).isEqualTo(1);
		assertThat(poll.duplicates()).isEqualTo(1);
		assertThat(poll.moved()).isEqualTo(2);
		assertThat(withSubject("Twee keer")).hasSize(1);
		assertThat(servers.count("INBOX")).isZero();
	}

	@Test
	void aConnectionLostMidFetchLosesNothingAndDoublesNothing() throws Exception {
		int mails = 60; // two download chunks: the first is taken and moved before the
						// cut
		for (int i = 1; i <= mails; i++) {
			servers.deliver(mail("anna@example.org", "Knip " + i, "", "Bericht " + i, false));
		}
		try (CuttingProxy proxy = new CuttingProxy(servers.imapPort)) {
			ImapPoller cutOff = new ImapPoller(via(proxy), rawMail, jdbc, clock, intakeSettings);
			// A kilobyte into the reply to the second chunk's download.
			proxy.cutWhenClientSends(WHOLE_MESSAGE_FETCH, 2, 1_000);
			ImapPoller.Poll cut = cutOff.pollOnce();
			assertThat(proxy.cuts()).isEqualTo(1);
			assertThat(cut.error()).isNotNull();
			// The first chunk, and what of the second arrived whole before the cut, is
			// committed; only the first chunk was moved.
			assertThat(cut.taken()).isBetween(50, mails - 1);
			assertThat(cut.moved()).isEqualTo(50);
			assertThat(cutOff.state().failures()).isEqualTo(1);

			ImapPoller.Poll resumed = cutOff.pollOnce();
			assertThat(resumed.error()).isNull();
			assertThat(resumed.duplicates()).isEqualTo(cut.taken() - cut.moved()); // only
																					// moved
																					// now
			assertThat(resumed.taken()).isEqualTo(mails - cut.taken());
			assertThat(resumed.moved()).isEqualTo(mails - cut.moved());
			cutOff.stop();
		}
		for (int i = 1; i <= mails; i++) {
			assertThat(withSubject("Knip " + i)).hasSize(1);
		}
		assertThat(servers.count("INBOX")).isZero();
		assertThat(servers.count("Processed")).isEqualTo(mails);
	}

	@Test
	void aConnectionLostBetweenCommitAndMoveMakesNoSecondMessage() throws Exception {
		for (int i = 1; i <= 3; i++) {
			servers.deliver(mail("anna@example.org", "Voor de verplaatsing " + i, "", "Na de commit.", false));
		}
		try (CuttingProxy proxy = new CuttingProxy(servers.imapPort)) {
			ImapPoller cutOff = new ImapPoller(via(proxy), rawMail, jdbc, clock, intakeSettings);
			proxy.cutWhenClientSends(MOVE_OR_COPY, 1, 0);
			ImapPoller.Poll cut = cutOff.pollOnce();
			assertThat(proxy.cuts()).isEqualTo(1);
			assertThat(cut.error()).isNotNull();
			assertThat(cut.taken()).isEqualTo(3);
			assertThat(cut.moved()).isZero();
			assertThat(servers.count("INBOX")).isEqualTo(3);

			// Known by (UIDVALIDITY, UID): not even downloaded again, only moved.
			ImapPoller.Poll after = cutOff.pollOnce();
			assertThat(after.error()).isNull();
			assertThat(after.taken()).isZero();
			assertThat(after.duplicates()).isEqualTo(3);
			assertThat(after.moved()).isEqualTo(3);
			cutOff.stop();
		}
		for (int i = 1; i <= 3; i++) {
			assertThat(withSubject("Voor de verplaatsing " + i)).hasSize(1);
		}
		assertThat(servers.count("INBOX")).isZero();
	}

	@Test
	void aCrashBeforeTheUidWasRecordedIsCaughtByTheSourceHash() throws Exception {
		servers.deliver(mail("anna@example.org", "Crash", "", "Na de commit, voor de verplaatsing.", false));
		try (CuttingProxy proxy = new CuttingProxy(servers.imapPort)) {
			ImapPoller cutOff = new ImapPoller(via(proxy), rawMail, jdbc, clock, intakeSettings);
			proxy.cutWhenClientSends(MOVE_OR_COPY, 1, 0);
			assertThat(cutOff.pollOnce().error()).isNotNull();
			// As if the process had died before it recorded the UID: only the source hash
			// knows the mail.
			jdbc.sql("DELETE FROM imap_seen WHERE message_id IN (SELECT id FROM message WHERE subject = 'Crash')")
				.update();
			assertThat(servers.count("INBOX")).isEqualTo(1);

			ImapPoller.Poll after = cutOff.pollOnce();
			assertThat(after.taken()).isZero();
			assertThat(after.duplicates()).isEqualTo(1);
			assertThat(after.moved()).isEqualTo(1);
			cutOff.stop();
		}
		assertThat(withSubject("Crash")).hasSize(1);
		assertThat(servers.count("INBOX")).isZero();
	}

	@Test
	void aServerRestartLosesNothingAndIsReportedInHealth() throws Exception {
		servers.deliver(mail("anna@example.org", "Voor de herstart", "", "een", false));
		assertThat(poller.pollOnce().taken()).isEqualTo(1);
		assertThat(health.health().getStatus().getCode()).isEqualTo("UP");
		mvc.perform(get("/actuator/health")).andExpect(status().isOk());

		greenMail.stop();
		assertThat(poller.pollOnce().error()).isNotNull();
		assertThat(poller.pollOnce().error()).isNotNull();
		assertThat(health.health().getStatus().getCode()).isEqualTo("DOWN");
		assertThat(health.health().getDetails()).containsKey("lastError");
		mvc.perform(get("/actuator/health")).andExpect(status().isServiceUnavailable());

		greenMail.start();
		servers.deliver(mail("anna@example.org", "Na de herstart", "", "twee", false));
		ImapPoller.Poll recovered = poller.pollOnce();
		assertThat(recovered.error()).isNull();
		assertThat(recovered.taken()).isEqualTo(1);
		assertThat(health.health().getStatus().getCode()).isEqualTo("UP");
		mvc.perform(get("/actuator/health")).andExpect(status().isOk());
		assertThat(withSubject("Voor de herstart")).hasSize(1);
		assertThat(withSubject("Na de herstart")).hasSize(1);
	}

	@Test
	void anOversizeMailIsRejectedWithoutBeingDownloadedWhole() throws Exception {
		byte[] photo = new byte[3 * 1024 * 1024];
		new java.util.Random(3).nextBytes(photo);
		servers.deliver(mailWith("anna@example.org", "Te groot", photo));
		ImapPoller.Poll poll = poller.pollOnce();
		assertThat(poll.oversize()).isEqualTo(1);
		MessageView message = settled("Te groot");
		assertThat(message.status()).isEqualTo(MessageStatus.REJECTED);
		assertThat(message.reason().code()).isEqualTo(IntakeReason.MAIL_TOO_LARGE.code());
		assertThat(message.reason().args()).element(1).isEqualTo("2048");
		assertThat(texts.text(message.reason(), ReasonTexts.ENGLISH))
			.matches("The mail is \\d{4} KB; the limit is 2048 KB\\. Send fewer or smaller photos\\.");
		byte[] kept = jdbc.sql("SELECT raw FROM message_source WHERE message_id = ?")
			.param(message.id().toString())
			.query(byte[].class)
			.single();
		assertThat(kept.length).isLessThan(65_536); // the headers, never the 4 MB body
		assertThat(new String(kept, StandardCharsets.UTF_8)).contains("Subject: Te groot")
			.doesNotContain("base64\r\n\r\n");
		assertThat(servers.count("INBOX")).isZero();
		MimeMessage told = notification("anna@example.org", message.id(), "niet bezorgd");
		assertThat((String) told.getContent()).contains("Reden: De e-mail is").contains("Reason: The mail is");
	}

	@Test
	void aRefusedLoginIsRetriedWithBackOffAndReportedNeverThrown() {
		ImapSettings wrong = new ImapSettings(settings.host(), settings.port(), false, false, GreenMailServers.LOGIN,
				"wrong", "INBOX", "Processed", Duration.ofMinutes(1), Duration.ofSeconds(5), Duration.ofSeconds(30), 2,
				Duration.ofSeconds(5), 10);
		ImapPoller refused = new ImapPoller(wrong, rawMail, jdbc, clock, intakeSettings);
		ImapHealth refusedHealth = new ImapHealth(refused, wrong);
		assertThat(refused.pollOnce().error()).contains("AuthenticationFailed");
		assertThat(refusedHealth.health().getStatus().getCode()).isEqualTo("UNKNOWN");
		assertThat(refused.state().retryIn()).isEqualTo(Duration.ofSeconds(5));
		assertThat(refused.pollOnce().error()).contains("AuthenticationFailed");
		assertThat(refusedHealth.health().getStatus().getCode()).isEqualTo("DOWN");
		assertThat(refusedHealth.health().getDetails()).containsEntry("retryIn", "PT10S");
		assertThat(refused.state().retryIn()).isEqualTo(Duration.ofSeconds(10));
		assertThat(refused.pollOnce().error()).isNotNull();
		assertThat(refused.state().retryIn()).isEqualTo(Duration.ofSeconds(20));
		assertThat(refused.pollOnce().error()).isNotNull();
		assertThat(refused.state().retryIn()).isEqualTo(Duration.ofSeconds(30)); // retry-max
		assertThat(refused.pollOnce().error()).isNotNull();
		assertThat(refused.state().retryIn()).isEqualTo(Duration.ofSeconds(30));
		assertThat(refused.state().failures()).isEqualTo(5);
	}

	@Test
	void aSuccessfulPollStartsTheBackOffAgain() {
		try (CuttingProxy proxy = new CuttingProxy(servers.imapPort)) {
			ImapPoller flaky = new ImapPoller(via(proxy), rawMail, jdbc, clock, intakeSettings);
			proxy.cutWhenClientSends(LOGIN, 1, 0);
			assertThat(flaky.pollOnce().error()).isNotNull();
			// retry-min (1h in these tests) is capped at retry-max (10m)
			assertThat(flaky.state().retryIn()).isEqualTo(Duration.ofMinutes(10));
			assertThat(flaky.pollOnce().error()).isNull();
			assertThat(flaky.state().retryIn()).isNull();
			assertThat(flaky.state().failures()).isZero();
			proxy.cutWhenClientSends(LOGIN, 1, 0);
			flaky.stop(); // a fresh connection, so that it logs in again
			assertThat(flaky.pollOnce().error()).isNotNull();
			assertThat(flaky.state().retryIn()).isEqualTo(Duration.ofMinutes(10));
			assertThat(flaky.state().failures()).isEqualTo(1);
			assertThat(proxy.cuts()).isEqualTo(2);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	@Test
	void twoPollersOnOneMailboxMakeOneMessagePerMail() {
		for (int i = 1; i <= 6; i++) {
			servers.deliver(mail("anna@example.org", "Twee pollers " + i, "", "Bericht " + i, false));
		}
		ImapPoller other = new ImapPoller(settings, rawMail, jdbc, clock, intakeSettings);
		List<CompletableFuture<ImapPoller.Poll>> racing = new ArrayList<>();
		racing.add(CompletableFuture.supplyAsync(poller::pollOnce));
		racing.add(CompletableFuture.supplyAsync(other::pollOnce));
		racing.forEach(CompletableFuture::join);
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			poller.pollOnce();
			return servers.count("INBOX") == 0;
		});
		for (int i = 1; i <= 6; i++) {
			assertThat(withSubject("Twee pollers " + i)).hasSize(1);
		}
		other.stop();
	}

	@Test
	void withoutAProcessedFolderTakenMailIsFlaggedAndLeftInPlace() {
		ImapSettings flagging = new ImapSettings(settings.host(), settings.port(), false, false, GreenMailServers.LOGIN,
				GreenMailServers.PASSWORD, "INBOX", "", Duration.ofMinutes(1), Duration.ofSeconds(5),
				Duration.ofSeconds(30), 2, Duration.ofSeconds(5), 10);
		ImapPoller flagger = new ImapPoller(flagging, rawMail, jdbc, clock, intakeSettings);
		servers.deliver(mail("anna@example.org", "Gevlagd", "", "blijft staan", false));
		assertThat(flagger.pollOnce().taken()).isEqualTo(1);
		ImapPoller.Poll again = flagger.pollOnce();
		assertThat(again.taken() + again.duplicates()).isZero();
		assertThat(servers.count("INBOX")).isEqualTo(1);
		assertThat(withSubject("Gevlagd")).hasSize(1);
		flagger.stop();
	}

	@Test
	void automaticMailIsRecordedRejectedAndNeverAnswered() throws Exception {
		servers.deliver(
				mail("anna@example.org", "Afwezig", "Auto-Submitted: auto-replied\r\n", "Ik ben op vakantie.", false));
		servers.deliver(mail("anna@example.org", "Vervalst",
				"Authentication-Results: mx.postbrug.example.org; spf=fail smtp.mailfrom=example.org; dmarc=fail header.from=example.org\r\n",
				"Lieve Jan, groetjes.", false));
		assertThat(poller.pollOnce().taken()).isEqualTo(2);
		MessageView auto = settled("Afwezig");
		assertThat(auto.status()).isEqualTo(MessageStatus.REJECTED);
		assertThat(auto.reason()).isEqualTo(IntakeReason.AUTOMATIC.with("auto-replied"));
		MessageView forged = settled("Vervalst");
		assertThat(forged.status()).isEqualTo(MessageStatus.IN_REVIEW);
		assertThat(count(
				"SELECT COUNT(*) FROM screening_finding WHERE rule_id = 'sender-authentication' AND message_id = '"
						+ forged.id() + "'"))
			.isEqualTo(1);
		// Nothing may arrive, however long one waits; a second is what the others take.
		await().during(Duration.ofSeconds(1))
			.atMost(Duration.ofSeconds(5))
			.until(() -> notifications("anna@example.org", auto.id()).isEmpty()
					&& notifications("anna@example.org", forged.id()).isEmpty());
	}

	@Test
	void aConfirmedStrangerIsToldWhyInDutchAndEnglishAndNoIncomingHeaderIsCopied() throws Exception {
		servers.deliver(mail("stranger@example.com", "=?UTF-8?Q?Hoi=0D=0ABcc:_victim@example.com?=",
				"Authentication-Results: mx.postbrug.example.org; dmarc=pass header.from=example.com\r\n", "Hallo?",
				false));
		assertThat(poller.pollOnce().taken()).isEqualTo(1);
		UUID id = UUID.fromString(
				jdbc.sql("SELECT id FROM message WHERE sender_email = 'stranger@example.com' AND subject LIKE 'Hoi%'")
					.query(String.class)
					.single());
		await().until(() -> messages.get(id).status() == MessageStatus.REJECTED);
		assertThat(messages.get(id).subject()).doesNotContain("\n").doesNotContain("\r");
		MimeMessage told = notification("stranger@example.com", id, "niet bezorgd");
		assertThat(told.getSubject()).doesNotContain("Hoi").doesNotContain("victim");
		assertThat(told.getHeader("Bcc")).isNull();
		assertThat(told.getAllRecipients()).extracting(Object::toString).containsExactly("stranger@example.com");
		assertThat((String) told.getContent())
			.contains("Reden: Het adres stranger@example.com is geen geregistreerd contact")
			.contains("Reason: The address stranger@example.com is not a registered contact");
		assertThat(greenMail.findReceivedMessages(user -> user.getEmail().equals("victim@example.com"), m -> true))
			.isEmpty();
		assertThat(notifications("stranger@example.com", id)).as("a stranger is never told 'received'").hasSize(1);
	}

	@Test
	void aStrangerWhoseSenderNoServerOfOursConfirmedIsNotAnswered() {
		// A pass written by another server (or by the sender) confirms nobody.
		servers.deliver(mail("forged-victim@example.com", "Hallo",
				"Authentication-Results: relay.example.com; dmarc=pass header.from=example.com\r\n", "Hallo?", false));
		assertThat(poller.pollOnce().taken()).isEqualTo(1);
		UUID id = UUID.fromString(jdbc.sql("SELECT id FROM message WHERE sender_email = 'forged-victim@example.com'")
			.query(String.class)
			.single());
		await().until(() -> messages.get(id).status() == MessageStatus.REJECTED);
		assertThat(messages.mailNotes(id).senderConfirmed()).isFalse();
		await().during(Duration.ofSeconds(1))
			.atMost(Duration.ofSeconds(5))
			.until(() -> notifications("forged-victim@example.com", id).isEmpty());
	}

	@Test
	void unreadableMailIsKeptAndRejectedWithItsReason() {
		String flood = "X-Flood: y\r\n".repeat(400);
		servers.deliver(mail("anna@example.org", "Overstroming", flood, "x", false));
		ImapPoller.Poll poll = poller.pollOnce();
		assertThat(poll.unreadable()).isEqualTo(1);
		String id = jdbc.sql("SELECT id FROM message WHERE refusal_code = 'mail.too-many-headers'")
			.query(String.class)
			.single();
		await().until(() -> messages.get(UUID.fromString(id)).status() == MessageStatus.REJECTED);
		assertThat(messages.get(UUID.fromString(id)).reason()).isEqualTo(IntakeReason.MAIL_TOO_MANY_HEADERS.with(300));
		assertThat(count("SELECT COUNT(*) FROM message_source WHERE message_id = '" + id + "'")).isEqualTo(1);
		assertThat(servers.count("INBOX")).isZero();
	}

	// --- helpers
	// -----------------------------------------------------------------------------------

	/** The client's download of whole messages (not of headers, not of 64 KB pieces). */
	private static final Pattern WHOLE_MESSAGE_FETCH = Pattern.compile("(?i)FETCH .*BODY\\.PEEK\\[\\](?!<)");

	private static final Pattern MOVE_OR_COPY = Pattern.compile("(?i)^\\S+ (UID )?(MOVE|COPY) ");

	private static final Pattern LOGIN = Pattern.compile("(?i)^\\S+ (LOGIN|AUTHENTICATE) ");

	/** The poller's settings, but connecting through the proxy. */
	private ImapSettings via(CuttingProxy proxy) {
		return new ImapSettings(settings.host(), proxy.port(), false, false, settings.user(), settings.password(),
				settings.folder(), settings.processedFolder(), settings.pollInterval(), settings.retryMin(),
				settings.retryMax(), settings.failuresUntilDown(), settings.timeout(), settings.batchSize());
	}

	private static byte[] mail(String from, String subject, String extraHeaders, String body, boolean photo) {
		String head = "From: " + from + "\r\nTo: post+1000000001@postbrug.example.org\r\nSubject: " + subject
				+ "\r\nDate: Sat, 28 Nov 2026 10:00:00 +0100\r\nMessage-ID: <" + UUID.randomUUID() + "@example.org>\r\n"
				+ extraHeaders + "MIME-Version: 1.0\r\n";
		if (!photo) {
			return (head + "Content-Type: text/plain; charset=UTF-8\r\n\r\n" + body + "\r\n")
				.getBytes(StandardCharsets.UTF_8);
		}
		return (head
				+ "Content-Type: multipart/mixed; boundary=zz\r\n\r\n--zz\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
				+ body + "\r\n--zz\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n"
				+ "Content-Disposition: attachment; filename=\"tuin.png\"\r\n\r\n" + base64(png()) + "\r\n--zz--\r\n")
			.getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] mailWith(String from, String subject, byte[] attachment) {
		return ("From: " + from + "\r\nTo: post+1000000001@postbrug.example.org\r\nSubject: " + subject
				+ "\r\nMessage-ID: <" + UUID.randomUUID() + "@example.org>\r\nMIME-Version: 1.0\r\n"
				+ "Content-Type: multipart/mixed; boundary=zz\r\n\r\n--zz\r\nContent-Type: text/plain\r\n\r\nfoto\r\n"
				+ "--zz\r\nContent-Type: image/jpeg\r\nContent-Transfer-Encoding: base64\r\n\r\n" + base64(attachment)
				+ "\r\n--zz--\r\n")
			.getBytes(StandardCharsets.UTF_8);
	}

	private static String base64(byte[] data) {
		return java.util.Base64.getMimeEncoder(76, "\r\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(data);
	}

	private static byte[] png() {
		var image = new java.awt.image.BufferedImage(40, 30, java.awt.image.BufferedImage.TYPE_INT_RGB);
		var out = new java.io.ByteArrayOutputStream();
		try {
			javax.imageio.ImageIO.write(image, "png", out);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	private List<String> withSubject(String subject) {
		return jdbc.sql("SELECT id FROM message WHERE subject = ?").param(subject).query(String.class).list();
	}

	/** The message with this subject once screening has placed it. */
	private MessageView settled(String subject) {
		UUID id = UUID.fromString(withSubject(subject).get(0));
		await().atMost(Duration.ofSeconds(20))
			.until(() -> messages.get(id).status() != MessageStatus.RECEIVED
					&& messages.get(id).status() != MessageStatus.SCREENING);
		return messages.get(id);
	}

	private List<MimeMessage> notifications(String to, UUID id) {
		String reference = "(" + id.toString().substring(0, 8) + ")";
		return greenMail.findReceivedMessages(user -> user.getEmail().equals(to), m -> {
			try {
				return m.getSubject() != null && m.getSubject().endsWith(reference);
			}
			catch (jakarta.mail.MessagingException ex) {
				return false;
			}
		}).toList();
	}

	private MimeMessage notification(String to, UUID id) {
		return notification(to, id, "");
	}

	private MimeMessage notification(String to, UUID id, String subjectPart) {
		await().atMost(Duration.ofSeconds(20))
			.until(() -> notifications(to, id).stream().anyMatch(m -> subject(m).contains(subjectPart)));
		return notifications(to, id).stream().filter(m -> subject(m).contains(subjectPart)).findFirst().orElseThrow();
	}

	private static String subject(MimeMessage mail) {
		try {
			return Optional.ofNullable(mail.getSubject()).orElse("");
		}
		catch (jakarta.mail.MessagingException ex) {
			return "";
		}
	}

}
