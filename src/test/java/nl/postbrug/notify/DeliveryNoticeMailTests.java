package nl.postbrug.notify;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import nl.postbrug.batches.BatchView;
import nl.postbrug.batches.Batches;
import nl.postbrug.delivery.Delivery;
import nl.postbrug.delivery.ScanOutcome;
import nl.postbrug.intake.MessageIntake;
import nl.postbrug.intake.MessageStatus;
import nl.postbrug.intake.Messages;
import nl.postbrug.registry.PostbrugUser;
import nl.postbrug.registry.PrisonerMoves;
import nl.postbrug.registry.Registry;
import nl.postbrug.registry.RegistryImport;
import nl.postbrug.registry.Role;
import nl.postbrug.support.DataDirs;
import nl.postbrug.support.FreePort;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Sender mails through a real SMTP server (GreenMail on loopback) that is down at first:
 * the receipt waits and goes out with back-off once the server is up, without a restart;
 * then the delivery and return notices, and none where the facility does not send them.
 */
@SpringBootTest
@ActiveProfiles("demo")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeliveryNoticeMailTests {

	private static final int SMTP_PORT = FreePort.onLoopback();

	private static final GreenMail smtp = new GreenMail(
			new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		String dir = DataDirs.fresh("delivery-mail");
		String rules = DataDirs.sampleRulesWithoutDailyLimits(dir);
		registry.add("postbrug.data-dir", () -> dir);
		registry.add("postbrug.screening.rules-dir", () -> rules);
		registry.add("postbrug.notify.from", () -> "postbrug@postbrug.example.org");
		registry.add("postbrug.notify.smtp.host", () -> "127.0.0.1");
		registry.add("postbrug.notify.smtp.port", () -> SMTP_PORT);
		registry.add("postbrug.notify.smtp.timeout", () -> "2s");
		registry.add("postbrug.notify.retry.min", () -> "1s");
		registry.add("postbrug.notify.retry.max", () -> "2s");
		registry.add("postbrug.notify.retry.sweep", () -> "300ms");
		registry.add("postbrug.delivery.facilities.PIV.notify-delivered", () -> "false");
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
	PrisonerMoves moves;

	@Autowired
	RegistryImport imports;

	@Autowired
	JdbcClient jdbc;

	private final PostbrugUser postroom = PostbrugUser.staff("postroom", "n/a", Set.of(Role.POSTROOM), true, Set.of(),
			true);

	@AfterAll
	static void stopServer() {
		smtp.stop();
	}

	@Test
	@Order(1)
	void aReceiptTheServerCouldNotTakeGoesOutOnceItIsUpWithoutARestart() throws Exception {
		UUID id = send("1000000001");
		await().until(() -> jdbc.sql("SELECT COUNT(*) FROM notify_retry WHERE message_id = ? AND attempts >= 2")
			.param(id.toString())
			.query(Long.class)
			.single() == 1);
		assertThat(mail(id, "ontvangen")).isNull();

		smtp.start();
		await().until(() -> mail(id, "ontvangen") != null);
		assertThat(mail(id, "ontvangen").getAllRecipients()[0].toString()).isEqualTo("anna@example.org");
		await().until(() -> jdbc.sql("SELECT COUNT(*) FROM notify_retry WHERE message_id = ?")
			.param(id.toString())
			.query(Long.class)
			.single() == 0);
	}

	@Test
	@Order(2)
	void theSenderHearsWhenTheLetterWasHandedOver() throws Exception {
		UUID id = send("1000000001");
		String code = printed("PIA", id);
		assertThat(delivery.scan(code, postroom).outcome()).isEqualTo(ScanOutcome.DELIVERED);
		await().until(() -> mail(id, "overhandigd") != null);
		String body = GreenMailUtil.getBody(mail(id, "overhandigd"));
		assertThat(body).contains("aan de ontvanger overhandigd").contains("was handed to the recipient");
	}

	@Test
	@Order(3)
	void theSenderHearsWhyTheLetterWasReturned() throws Exception {
		String number = "88" + System.nanoTime() % 1_000_000_000L;
		imports.prisoners(new java.io.StringReader(
				"number,name,facility,unit,cell,status\n" + number + ",Kees Vrij,PIA,A,A-1.02,ACTIVE\n"));
		imports.contacts(new java.io.StringReader(
				"email,name,verified,approved_for\nanna@example.org,Anna de Vries,true,1000000001;1000000002;" + number
						+ "\n"));
		UUID id = send(number);
		String code = printed("PIA", id);
		PostbrugUser admin = PostbrugUser.staff("admin", "n/a", Set.of(Role.FACILITY_ADMIN), true, Set.of(), true);
		moves.release(number, admin);
		assertThat(delivery.scan(code, postroom).outcome()).isEqualTo(ScanOutcome.RETURN);
		await().until(() -> mail(id, "niet overhandigd") != null);
		String body = GreenMailUtil.getBody(mail(id, "niet overhandigd"));
		assertThat(body).contains("Reden: De ontvanger verblijft niet meer in de inrichting")
			.contains("Reason: The recipient no longer stays at the facility");
	}

	@Test
	@Order(4)
	void aFacilityThatDoesNotSendDeliveryNoticesSendsNone() throws Exception {
		UUID id = send("1000000002");
		String code = printed("PIV", id);
		assertThat(delivery.scan(code, postroom).outcome()).isEqualTo(ScanOutcome.DELIVERED);
		// Every listener has had its turn.
		await().until(() -> jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL")
			.query(Long.class)
			.single() == 0);
		assertThat(mail(id, "overhandigd")).isNull();
		assertThat(mail(id, "ontvangen")).isNotNull();
	}

	private UUID send(String prisoner) {
		PostbrugUser anna = PostbrugUser.relative(registry.contact("anna@example.org").orElseThrow(), "n/a");
		UUID id = intake
			.submit(anna, prisoner, "Tot snel! " + DataDirs.uniqueWords(), List.of(), UUID.randomUUID().toString())
			.id();
		await().until(() -> messages.get(id).status() == MessageStatus.APPROVED);
		return id;
	}

	private String printed(String facility, UUID id) {
		BatchView batch = batches.runNow(registry.facility(facility).orElseThrow(), postroom);
		return batches.items(batch.id())
			.stream()
			.filter(item -> item.message().equals(id))
			.findFirst()
			.orElseThrow()
			.code();
	}

	private static MimeMessage mail(UUID id, String subjectPart) throws Exception {
		String reference = id.toString().substring(0, 8);
		if (!smtp.isRunning()) {
			return null;
		}
		for (MimeMessage mail : smtp.getReceivedMessages()) {
			String subject = mail.getSubject();
			if (subject.contains(reference) && subject.contains(subjectPart)
					&& !(subjectPart.equals("overhandigd") && subject.contains("niet overhandigd"))) {
				return mail;
			}
		}
		return null;
	}

}
