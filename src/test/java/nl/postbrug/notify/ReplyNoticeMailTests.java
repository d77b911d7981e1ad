package nl.postbrug.notify;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import javax.imageio.ImageIO;

import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

import nl.postbrug.batches.BatchView;
import nl.postbrug.batches.Batches;
import nl.postbrug.delivery.PageOutcome;
import nl.postbrug.delivery.Replies;
import nl.postbrug.delivery.ReplyStatus;
import nl.postbrug.intake.MessageIntake;
import nl.postbrug.intake.MessageStatus;
import nl.postbrug.intake.Messages;
import nl.postbrug.letters.PrintedCodes;
import nl.postbrug.registry.PostbrugUser;
import nl.postbrug.registry.Registry;
import nl.postbrug.registry.Role;
import nl.postbrug.screening.ReplyScreening;
import nl.postbrug.screening.Review;
import nl.postbrug.support.DataDirs;
import nl.postbrug.support.FreePort;
import nl.postbrug.support.ReceivedMails;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The notice a sender gets when a screener decides on the prisoner's reply, through a
 * real SMTP server (GreenMail on loopback): an approved reply is announced in Dutch and
 * English without the reply itself, a rejected one in general terms, a withheld one not
 * at all.
 */
@SpringBootTest
@ActiveProfiles("demo")
class ReplyNoticeMailTests {

	private static final int SMTP_PORT = FreePort.onLoopback();

	private static final GreenMail smtp = new GreenMail(
			new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

	private static final int DPI = 200;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		String dir = DataDirs.fresh("reply-mail");
		String rules = DataDirs.sampleRulesWithoutDailyLimits(dir);
		registry.add("postbrug.data-dir", () -> dir);
		registry.add("postbrug.screening.rules-dir", () -> rules);
		registry.add("postbrug.notify.from", () -> "postbrug@postbrug.example.org");
		registry.add("postbrug.notify.smtp.host", () -> "127.0.0.1");
		registry.add("postbrug.notify.smtp.port", () -> SMTP_PORT);
		registry.add("postbrug.notify.smtp.timeout", () -> "2s");
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
	Replies replies;

	@Autowired
	ReplyScreening replyScreening;

	@Autowired
	JdbcClient jdbc;

	private final PostbrugUser postroom = PostbrugUser.staff("postroom", "n/a", Set.of(Role.POSTROOM), true, Set.of(),
			true);

	private final PostbrugUser screener = PostbrugUser.staff("screener", "n/a", Set.of(Role.SCREENER), true, Set.of(),
			true);

	@BeforeAll
	static void startServer() {
		smtp.start();
	}

	@AfterAll
	static void stopServer() {
		smtp.stop();
	}

	@Test
	void theSenderHearsOfAnApprovedReplyInGeneralTermsOfARejectedOneAndNothingOfAWithheldOne() throws Exception {
		List<UUID> sent = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			sent.add(send("1000000001"));
		}
		BatchView batch = batches.runNow(registry.facility("PIA").orElseThrow(), postroom);
		byte[] pdf = Files.readAllBytes(batches.pdf(batch));
		List<String> codesOnPages = PrintedCodes.decodeEachPage(pdf, DPI);
		UUID approved = replyTo(sent.get(0), pdf, codesOnPages);
		UUID rejected = replyTo(sent.get(1), pdf, codesOnPages);
		UUID withheld = replyTo(sent.get(2), pdf, codesOnPages);
		for (UUID reply : List.of(approved, rejected, withheld)) {
			await().until(() -> replies.find(reply).orElseThrow().status() == ReplyStatus.IN_REVIEW);
		}

		replyScreening.decide(screener, approved, Review.Decision.APPROVE, null);
		replyScreening.decide(screener, rejected, Review.Decision.REJECT, "telefoonnummer in het handschrift");
		replyScreening.decide(screener, withheld, Review.Decision.WITHHOLD, "lopend onderzoek");

		await().until(() -> mail(sent.get(0), "antwoord ontvangen") != null);
		MimeMessage notice = mail(sent.get(0), "antwoord ontvangen");
		assertThat(notice.getAllRecipients()[0].toString()).isEqualTo("anna@example.org");
		assertThat(notice.getSubject()).contains("antwoord ontvangen / reply received");
		assertThat(notice.getContentType()).as("one plain text part: the reply is read after signing in")
			.startsWith("text/plain");
		String body = GreenMailUtil.getBody(notice);
		assertThat(body)
			.contains("heeft op papier geantwoord op uw bericht (kenmerk " + ReceivedMails.reference(sent.get(0)))
			.contains("You can read the reply after signing in");
		assertThat(body.indexOf("geantwoord")).as("Dutch first").isLessThan(body.indexOf("answered"));

		await().until(() -> mail(sent.get(1), "antwoord niet doorgegeven") != null);
		MimeMessage refusal = mail(sent.get(1), "antwoord niet doorgegeven");
		assertThat(refusal.getContentType()).startsWith("text/plain");
		assertThat(GreenMailUtil.getBody(refusal)).contains("de inrichting kan dit antwoord niet aan u doorgeven")
			.contains("the facility cannot pass this reply on to you")
			.as("the screener's reason stays with staff")
			.doesNotContain("telefoonnummer");

		// Every listener has had its turn.
		await().until(() -> jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL")
			.query(Long.class)
			.single() == 0);
		assertThat(ReceivedMails.about(smtp, sent.get(2))).as("the receipt only: a withheld reply is not announced")
			.extracting(MimeMessage::getSubject)
			.singleElement()
			.asString()
			.contains("ontvangen")
			.doesNotContain("antwoord");
		assertThat(ReceivedMails.about(smtp, sent.get(0))).extracting(MimeMessage::getSubject)
			.filteredOn(subject -> subject.contains("antwoord"))
			.as("one notice per reply")
			.hasSize(1);
		assertThat(jdbc.sql("SELECT kind FROM reply_notification WHERE reply_id IN (?, ?, ?) ORDER BY kind")
			.params(approved.toString(), rejected.toString(), withheld.toString())
			.query(String.class)
			.list()).containsExactly("APPROVED", "REJECTED");
	}

	private UUID send(String prisoner) {
		PostbrugUser anna = PostbrugUser.relative(registry.contact("anna@example.org").orElseThrow(), "n/a");
		UUID id = intake
			.submit(anna, prisoner, "Schrijf je terug? " + DataDirs.uniqueWords(), List.of(),
					UUID.randomUUID().toString(), true)
			.id();
		await().until(() -> messages.get(id).status() == MessageStatus.APPROVED);
		return id;
	}

	/** Scans the message's reply sheet from the batch and hands it in. */
	private UUID replyTo(UUID message, byte[] pdf, List<String> codesOnPages) throws Exception {
		String code = jdbc.sql("SELECT reply_code FROM letter WHERE message_id = ?")
			.param(message.toString())
			.query(String.class)
			.single();
		int page = codesOnPages.indexOf(code);
		assertThat(page).as("the batch carries the reply sheet " + code).isNotNegative();
		BufferedImage scan;
		try (PDDocument doc = Loader.loadPDF(pdf)) {
			scan = new PDFRenderer(doc).renderImageWithDPI(page, DPI, ImageType.RGB);
		}
		ByteArrayOutputStream png = new ByteArrayOutputStream();
		ImageIO.write(scan, "png", png);
		Replies.PageResult result = replies
			.receive(png.toByteArray(), Replies.Receiver.staff(postroom), Replies.UPLOAD, false)
			.get(0);
		assertThat(result.outcome()).isEqualTo(PageOutcome.RECEIVED);
		return result.reply();
	}

	private static MimeMessage mail(UUID id, String subjectPart) throws Exception {
		for (MimeMessage mail : ReceivedMails.about(smtp, id)) {
			if (mail.getSubject().contains(subjectPart)) {
				return mail;
			}
		}
		return null;
	}

}
