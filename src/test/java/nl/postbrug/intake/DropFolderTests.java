package nl.postbrug.intake;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import nl.postbrug.intake.mail.DropFolder;
import nl.postbrug.support.ApiTestSupport;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The drop folder with the demo's sample mail: each case ends where it should, with a
 * reason.
 */
class DropFolderTests extends ApiTestSupport {

	@Autowired
	DropFolder dropFolder;

	@Autowired
	Messages messages;

	@Value("${postbrug.intake.drop-dir}")
	Path dropDir;

	@Test
	void everySampleMailEndsInADefinedStateWithAReason() {
		Map<String, MessageView> bySubject = jdbc.sql("SELECT id FROM message WHERE channel = 'DROP_FOLDER'")
			.query(String.class)
			.list()
			.stream()
			.map(id -> messages.get(java.util.UUID.fromString(id)))
			.collect(Collectors.toMap(m -> m.senderEmail() + " " + m.subject(), m -> m, (a, b) -> a));
		assertThat(bySubject).hasSizeGreaterThanOrEqualTo(10);
		assertThat(bySubject.values()).allSatisfy(message -> assertThat(message.status()).isIn(MessageStatus.APPROVED,
				MessageStatus.IN_REVIEW, MessageStatus.REJECTED, MessageStatus.PRINTED, MessageStatus.DELIVERED));
		assertThat(bySubject.values()).filteredOn(m -> m.status() == MessageStatus.REJECTED)
			.allSatisfy(m -> assertThat(m.reason()).isNotNull());
	}

	@Test
	void mailFromAStrangerIsRejectedWithAnExplanation() {
		MessageView stranger = bySender("stranger@example.com");
		assertThat(stranger.status()).isEqualTo(MessageStatus.REJECTED);
		assertThat(stranger.reason()).isEqualTo(Reason.of("sender.not-a-contact", "stranger@example.com"));
	}

	@Test
	void mailFromAnUnverifiedContactIsRejected() {
		assertThat(bySender("unverified@example.net").reason().code()).isEqualTo("sender.unverified");
	}

	@Test
	void thePrisonerIsFoundFromTheSubAddressAlone() {
		MessageView nadia = messages.get(
				java.util.UUID.fromString(jdbc.sql("SELECT id FROM message WHERE addressed_to LIKE 'post+1000000008@%'")
					.query(String.class)
					.single()));
		assertThat(nadia.subject()).doesNotContain("1000000008");
		assertThat(nadia.prisonerId()).isNotNull();
		// Approved; a batch run by another test class on the same context may have
		// printed it since.
		assertThat(nadia.status()).isIn(MessageStatus.APPROVED, MessageStatus.PRINTED, MessageStatus.DELIVERED);
	}

	@Test
	void nonLatinTextAndEncodedHeadersArriveIntact() {
		MessageView cyrillic = jdbc.sql(
				"SELECT id FROM message WHERE body LIKE '%Дорогой%' OR body LIKE '%Привет%' OR body LIKE '%Здравствуй%'")
			.query(String.class)
			.list()
			.stream()
			.map(id -> messages.get(java.util.UUID.fromString(id)))
			.findFirst()
			.orElseThrow();
		assertThat(cyrillic.body()).containsPattern("\\p{IsCyrillic}{4,}");
		assertThat(cyrillic.subject()).doesNotContain("=?");
	}

	@Test
	void aPhotoAttachmentBecomesAPhoto() {
		long withPhotos = jdbc.sql("SELECT COUNT(DISTINCT message_id) FROM message_photo").query(Long.class).single();
		assertThat(withPhotos).isPositive();
		byte[] stored = jdbc.sql("SELECT data FROM message_photo FETCH FIRST 1 ROWS ONLY").query(byte[].class).single();
		assertThat(stored[0] & 0xFF).isEqualTo(0xFF); // re-encoded as JPEG whatever came
														// in
		assertThat(stored[1] & 0xFF).isEqualTo(0xD8);
	}

	@Test
	void theSameMailDroppedAgainMakesNoSecondMessage() throws Exception {
		long before = count("SELECT COUNT(*) FROM message");
		Path sample = Path.of("samples/mail").toRealPath();
		Path first = Files.list(sample).filter(p -> p.toString().endsWith(".eml")).sorted().findFirst().orElseThrow();
		Files.copy(first, dropDir.resolve("again.eml"));
		List<DropFolder.Outcome> outcomes = dropFolder.ingestAll();
		assertThat(outcomes).singleElement().satisfies(outcome -> assertThat(outcome.receipt().duplicate()).isTrue());
		assertThat(count("SELECT COUNT(*) FROM message")).isEqualTo(before);
		assertThat(dropDir.resolve("processed").resolve("again.eml")).exists();
		assertThat(dropDir.resolve("again.eml")).doesNotExist();
	}

	@Test
	void aFileThatIsNoMailIsKeptRejectedAndGoesToFailedBesideItsReason() throws Exception {
		Files.writeString(dropDir.resolve("garbage.eml"), "this is not\u0000 a mail at all", StandardCharsets.UTF_8);
		Files.writeString(dropDir.resolve("notes.txt"), "ignored: not an .eml file", StandardCharsets.UTF_8);
		List<DropFolder.Outcome> outcomes = dropFolder.ingestAll();
		DropFolder.Outcome outcome = outcomes.get(0);
		assertThat(outcomes).hasSize(1);
		assertThat(outcome.failure()).startsWith("mail.no-sender: ").contains("no sender address");
		assertThat(dropDir.resolve("failed/garbage.eml")).exists();
		assertThat(Files.readString(dropDir.resolve("failed/garbage.eml.reason.txt"))).contains("no sender address")
			.contains(outcome.receipt().id().toString());
		assertThat(dropDir.resolve("notes.txt")).exists();
		// Kept, with its bytes, and rejected with the reason: nothing that came in is
		// lost.
		await().until(() -> messages.get(outcome.receipt().id()).status() == MessageStatus.REJECTED);
		MessageView kept = messages.get(outcome.receipt().id());
		assertThat(kept.senderEmail()).isEqualTo("unknown");
		assertThat(kept.reason()).isEqualTo(IntakeReason.MAIL_NO_SENDER.with());
		assertThat(count("SELECT COUNT(*) FROM message_source WHERE message_id = '" + kept.id() + "'")).isEqualTo(1);
	}

	@Test
	void aFileOverTheSizeLimitIsKeptFromItsHeadersAndGoesToFailed() throws Exception {
		// Written beside the folder and moved in whole, as a mail server delivers.
		Path writing = dropDir.resolveSibling("big.eml.part");
		try (var out = Files.newOutputStream(writing)) {
			out.write(("From: Anna de Vries <anna@example.org>\r\nTo: post+1000000001@postbrug.example.org\r\n"
					+ "Subject: Te groot bestand\r\nMIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			byte[] line = ("x".repeat(76) + "\r\n").getBytes(StandardCharsets.US_ASCII);
			for (long written = 0; written <= 26_214_400; written += line.length) {
				out.write(line);
			}
		}
		Files.move(writing, dropDir.resolve("big.eml"), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
		DropFolder.Outcome outcome = dropFolder.ingestAll().get(0);
		assertThat(outcome.failure()).startsWith("mail.too-large: The mail is");
		assertThat(dropDir.resolve("failed/big.eml")).exists();
		assertThat(dropDir.resolve("failed/big.eml.reason.txt")).exists();
		await().until(() -> messages.get(outcome.receipt().id()).status() == MessageStatus.REJECTED);
		MessageView kept = messages.get(outcome.receipt().id());
		assertThat(kept.subject()).isEqualTo("Te groot bestand");
		assertThat(kept.reason().code()).isEqualTo(IntakeReason.MAIL_TOO_LARGE.code());
		byte[] evidence = jdbc.sql("SELECT raw FROM message_source WHERE message_id = ?")
			.param(kept.id().toString())
			.query(byte[].class)
			.single();
		assertThat(evidence.length).isLessThan(1024);
	}

	@Test
	void anHtmlOnlyMailIsReducedToTextWithoutMarkup() throws Exception {
		String mail = """
				From: Anna de Vries <anna@example.org>\r
				To: post+1000000001@postbrug.example.org\r
				Subject: html\r
				MIME-Version: 1.0\r
				Content-Type: text/html; charset=UTF-8\r
				\r
				<html><body><p>Lieve <b>Jan</b></p><script>alert('x')</script><img src="https://tracker.example.com/p.gif"></body></html>\r
				""";
		Files.writeString(dropDir.resolve("html.eml"), mail, StandardCharsets.UTF_8);
		var receipt = dropFolder.ingestAll().get(0).receipt();
		await().until(() -> messages.get(receipt.id()).status() != MessageStatus.RECEIVED
				&& messages.get(receipt.id()).status() != MessageStatus.SCREENING);
		MessageView message = messages.get(receipt.id());
		assertThat(message.body()).contains("Lieve Jan").doesNotContain("<").doesNotContain("tracker");
	}

	@Test
	void theApplicationIsHealthyWithoutAnyMailServerConfigured() throws Exception {
		// No IMAP host, no SMTP host: the IMAP indicator is UNKNOWN and Boot's mail
		// indicator is off.
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/actuator/health"))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk())
			.andExpect(
					org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.status").value("UP"));
	}

	private MessageView bySender(String email) {
		String id = jdbc.sql("SELECT id FROM message WHERE sender_email = ?").param(email).query(String.class).single();
		return messages.get(java.util.UUID.fromString(id));
	}

}
