package nl.postbrug.storage.crypto;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import javax.imageio.ImageIO;

import com.jayway.jsonpath.JsonPath;
import nl.postbrug.Sha256;
import nl.postbrug.intake.Channel;
import nl.postbrug.intake.MailNotes;
import nl.postbrug.intake.MessageIntake;
import nl.postbrug.intake.Messages;
import nl.postbrug.intake.NewMessage;
import nl.postbrug.registry.Registry;
import nl.postbrug.storage.BlobStore;
import nl.postbrug.storage.ContentEncryption;
import nl.postbrug.storage.ContentUnreadable;
import nl.postbrug.storage.EncryptedColumn;
import nl.postbrug.support.ApiTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The whole application with encryption at rest on (keys k1 and k2, k1 current): a web
 * message with a photo, a mail with its source and a batch PDF are stored as ciphertext
 * (read back with JDBC, byte for byte) and read back as they were; rows written before
 * encryption still read; changed or moved ciphertext is refused; and the rotation job, on
 * two "nodes" at once, moves every row to k2, after which k1 can go.
 */
@ExtendWith(OutputCaptureExtension.class)
class EncryptionAtRestTests extends ApiTestSupport {

	static final String K1 = randomKey();

	static final String K2 = randomKey();

	private static final String TEXT = "Lieve Jan, de Zonnebloemvelden bloeien weer. Tot zondag!";

	static String randomKey() {
		byte[] bytes = new byte[32];
		new SecureRandom().nextBytes(bytes);
		return Base64.getEncoder().encodeToString(bytes);
	}

	@DynamicPropertySource
	static void keys(DynamicPropertyRegistry registry) {
		registry.add("postbrug.encryption.enabled", () -> "true");
		registry.add("postbrug.encryption.keys.k1", () -> K1);
		registry.add("postbrug.encryption.keys.k2", () -> K2);
		registry.add("postbrug.encryption.current-key", () -> "k1");
		// the tests run the job themselves
		registry.add("postbrug.encryption.rotation.initial-delay", () -> "1h");
	}

	@Autowired
	Messages messages;

	@Autowired
	MessageIntake intake;

	@Autowired
	Registry registry;

	@Autowired
	BlobStore blobs;

	@Autowired
	List<EncryptedColumn> columns;

	@Autowired
	JdbcTemplate template;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	KeyRotation rotation;

	@Autowired
	UserDetailsService users;

	@Test
	void everyKindIsStoredAsCiphertextAndReadsBackAsItWas() throws Exception {
		byte[] photo = png();
		String sent = mvc
			.perform(multipart("/api/v1/messages").file(new MockMultipartFile("photos", "tuin.png", "image/png", photo))
				.param("prisoner", "1000000001")
				.param("text", TEXT)
				.with(ANNA))
			.andExpect(status().isAccepted())
			.andReturn()
			.getResponse()
			.getContentAsString();
		UUID web = UUID.fromString(JsonPath.read(sent, "$.id"));
		UUID mail = storeMail("Onderwerp: de Zonnebloemvelden");

		String body = template.queryForObject("SELECT body FROM message WHERE id = ?", String.class, web.toString());
		assertThat(body).doesNotContain("Zonnebloem").doesNotContain("Lieve Jan");
		assertThat(new String(Base64.getDecoder().decode(body), StandardCharsets.ISO_8859_1))
			.doesNotContain("Zonnebloem");
		assertThat(template.queryForObject("SELECT body_key FROM message WHERE id = ?", String.class, web.toString()))
			.isEqualTo("k1");
		byte[] storedPhoto = template.queryForObject("SELECT data FROM message_photo WHERE message_id = ?",
				byte[].class, web.toString());
		assertThat(ImageIO.read(new ByteArrayInputStream(storedPhoto))).as("not an image any more").isNull();
		assertThat(new String(storedPhoto, 0, 3, StandardCharsets.US_ASCII)).isEqualTo("PBE");
		assertThat(template.queryForObject("SELECT subject FROM message WHERE id = ?", String.class, mail.toString()))
			.doesNotContain("Zonnebloem");
		assertThat(messages.get(mail).subject()).isEqualTo("Onderwerp: de Zonnebloemvelden");
		byte[] storedSource = template.queryForObject("SELECT raw FROM message_source WHERE message_id = ?",
				byte[].class, mail.toString());
		assertThat(new String(storedSource, StandardCharsets.ISO_8859_1)).doesNotContain("Zonnebloem")
			.doesNotContain("Subject");

		assertThat(messages.get(web).body()).isEqualTo(TEXT);
		BufferedImage read = ImageIO.read(new ByteArrayInputStream(messages.photos(web).get(0).data()));
		assertThat(read.getWidth()).isEqualTo(64);
		assertThat(messages.get(mail).body()).contains("Zonnebloemvelden");
		assertThat(new String(messages.source(mail).orElseThrow(), StandardCharsets.UTF_8))
			.contains("Subject: Onderwerp: de Zonnebloemvelden");

		await().until(() -> statusOf(web).equals("APPROVED"));
		mvc.perform(post("/api/v1/facilities/PIA/batches").with(POSTROOM)).andExpect(status().isCreated());
		String pdfKey = template.queryForObject(
				"SELECT blob_key FROM stored_blob WHERE blob_key LIKE 'batch/PIA/%' ORDER BY stored_at DESC FETCH FIRST 1 ROWS ONLY",
				String.class);
		template.query("SELECT data, data_key FROM stored_blob_chunk WHERE blob_key = ?", rs -> {
			assertThat(new String(rs.getBytes(1), 0, 4, StandardCharsets.ISO_8859_1)).isNotEqualTo("%PDF");
			assertThat(rs.getString(2)).isEqualTo("k1");
		}, pdfKey);
		try (InputStream in = blobs.open(pdfKey).orElseThrow()) {
			assertThat(new String(in.readNBytes(5), StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		}
	}

	@Test
	void changedOrMovedCiphertextIsRefusedAndShownInHealth() throws Exception {
		UUID a = send("1000000001", "Bericht A over de Zonnebloemvelden");
		UUID b = send("1000000001", "Bericht B");
		String bodyA = template.queryForObject("SELECT body FROM message WHERE id = ?", String.class, a.toString());
		String bodyB = template.queryForObject("SELECT body FROM message WHERE id = ?", String.class, b.toString());
		await().until(() -> !statusOf(a).equals("RECEIVED") && !statusOf(b).equals("RECEIVED"));
		try {
			template.update("UPDATE message SET body = ? WHERE id = ?", bodyA, b.toString());
			assertThatThrownBy(() -> messages.get(b)).isInstanceOf(ContentUnreadable.class)
				.hasMessageContaining("message.body:" + b)
				.hasMessageNotContaining("Zonnebloem");
			byte[] changed = Base64.getDecoder().decode(bodyA);
			changed[changed.length - 1] ^= 1;
			template.update("UPDATE message SET body = ? WHERE id = ?", Base64.getEncoder().encodeToString(changed),
					a.toString());
			assertThatThrownBy(() -> messages.get(a)).isInstanceOf(ContentUnreadable.class)
				.hasMessageContaining("does not authenticate under key 'k1'");

			// a row under the other key, moved from A to B, for the job to find
			ContentEncryption underK2 = ContentEncryption.on(Map.of("k2", key(K2)), "k2");
			template.update("UPDATE message SET body = ?, body_key = 'k2' WHERE id = ?",
					underK2.encryptText("Bericht A", "message.body:" + a).value(), b.toString());
			RotationReport report = rotation.run();
			assertThat(report.state()).isEqualTo(RotationReport.State.INCOMPLETE);
			assertThat(report.kinds().get("message.body").problems()).anyMatch(p -> p.contains(b.toString()));
			String health = mvc
				.perform(get("/actuator/health/encryption").with(user(users.loadUserByUsername("admin"))))
				.andExpect(status().isServiceUnavailable())
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(JsonPath.<String>read(health, "$.status")).isEqualTo("DOWN");
			assertThat(health).contains(b.toString()).doesNotContain("Zonnebloem");
		}
		finally {
			template.update("UPDATE message SET body = ?, body_key = 'k1' WHERE id = ?", bodyA, a.toString());
			template.update("UPDATE message SET body = ?, body_key = 'k1' WHERE id = ?", bodyB, b.toString());
		}
		assertThat(rotation.run().state()).isEqualTo(RotationReport.State.DONE);
		mvc.perform(get("/actuator/health/encryption").with(user(users.loadUserByUsername("admin"))))
			.andExpect(status().isOk());
	}

	@Test
	void rowsFromBeforeEncryptionReadAndTheRotationMovesEverythingToTheNewKey(CapturedOutput log) throws Exception {
		UUID legacy = legacyMessage("Oude brief over de Zonnebloemvelden");
		assertThat(messages.get(legacy).body()).isEqualTo("Oude brief over de Zonnebloemvelden");
		assertThat(messages.photos(legacy).get(0).data()).containsExactly(1, 2, 3, 4);
		assertThat(new String(messages.source(legacy).orElseThrow(), StandardCharsets.UTF_8)).contains("Oude brief");
		UUID current = send("1000000001", "Nieuwe brief over de Zonnebloemvelden");
		await().until(() -> !statusOf(current).equals("RECEIVED"));
		// emptied by a purge after it was encrypted: the job drops its key id
		UUID purged = send("1000000001", "Een brief die al gewist is");
		await().until(() -> !statusOf(purged).equals("RECEIVED"));
		template.update("UPDATE message SET body = '' WHERE id = ?", purged.toString());
		// a second-factor secret enrolled while encryption was off
		jdbc.sql("""
				INSERT INTO staff_second_factor (username, secret, created_at, last_step)
				VALUES ('auditor', 'AAECAwQFBgcICQoLDA0ODxAREhM=', ?, 0)
				""").params(Instant.now().atOffset(ZoneOffset.UTC)).update();
		byte[] pdf = "%PDF-1.7 een oude batch".getBytes(StandardCharsets.US_ASCII);
		String legacyPdf = legacyBlob(pdf);
		String newPdf = "test/new-" + UUID.randomUUID() + ".pdf";
		blobs.put(newPdf, new ByteArrayInputStream(pdf));
		try (InputStream in = blobs.open(legacyPdf).orElseThrow()) {
			assertThat(in.readAllBytes()).isEqualTo(pdf);
		}

		ContentEncryption afterRotation = ContentEncryption.on(Map.of("k1", key(K1), "k2", key(K2)), "k2");
		long toDo = columns.stream().mapToLong(c -> notUnder(c, "k2")).sum();
		assertThat(toDo).isGreaterThanOrEqualTo(4);
		// two nodes at once
		KeyRotation nodeA = node(afterRotation);
		KeyRotation nodeB = node(afterRotation);
		CompletableFuture<RotationReport> a = CompletableFuture.supplyAsync(nodeA::run);
		CompletableFuture<RotationReport> b = CompletableFuture.supplyAsync(nodeB::run);
		RotationReport first = a.get();
		RotationReport second = b.get();
		assertThat(first.state()).isEqualTo(RotationReport.State.DONE);
		assertThat(second.state()).isEqualTo(RotationReport.State.DONE);
		assertThat(first.reEncrypted() + second.reEncrypted()).isEqualTo(toDo);
		for (EncryptedColumn column : columns) {
			assertThat(notUnder(column, "k2")).as(column.kind()).isZero();
		}
		assertThat(first.kinds().get("message.body").rowsByKey()).containsOnlyKeys("k2");
		assertThat(
				template.queryForObject("SELECT body_key FROM message WHERE id = ?", String.class, purged.toString()))
			.isNull();
		assertThat(messages.get(purged).body()).isEmpty();
		List<String> rotationLog = log.getAll().lines().filter(line -> line.contains("KeyRotation")).toList();
		assertThat(rotationLog).anyMatch(line -> line.contains("rows to re-encrypt under key 'k2'"))
			.anyMatch(line -> line.contains("keys [k1] are no longer used and may be removed"))
			.noneMatch(line -> line.contains(K1) || line.contains(K2) || line.contains("Zonnebloem"));
		assertThat(log.getAll()).doesNotContain(K1).doesNotContain(K2);

		// k1 can go: every row reads with k2 alone
		ContentEncryption k2Only = ContentEncryption.on(Map.of("k2", key(K2)), "k2");
		assertThat(decryptedBodies(k2Only)).contains("Oude brief over de Zonnebloemvelden",
				"Nieuwe brief over de Zonnebloemvelden");
		for (EncryptedColumn column : columns) {
			assertThat(readAll(column, k2Only)).as(column.kind()).isPositive();
		}
		assertThatThrownBy(() -> readAll(columns.get(0), ContentEncryption.on(Map.of("k1", key(K1)), "k1")))
			.isInstanceOf(ContentUnreadable.class)
			.hasMessageContaining("postbrug.encryption.keys.k2");
		// and the running service, which has both keys, reads them too
		assertThat(messages.get(legacy).body()).isEqualTo("Oude brief over de Zonnebloemvelden");
		for (String key : List.of(legacyPdf, newPdf)) {
			try (InputStream in = blobs.open(key).orElseThrow()) {
				assertThat(in.readAllBytes()).isEqualTo(pdf);
			}
		}
	}

	@Test
	void healthShowsTheRotationPerKindAndNeverAKey() throws Exception {
		legacyMessage("Nog een oude brief");
		rotation.run();
		String health = mvc.perform(get("/actuator/health/encryption").with(user(users.loadUserByUsername("admin"))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(JsonPath.<Boolean>read(health, "$.details.enabled")).isTrue();
		assertThat(JsonPath.<String>read(health, "$.details.currentKey")).isEqualTo("k1");
		assertThat(JsonPath.<List<String>>read(health, "$.details.keys")).containsExactly("k1", "k2");
		assertThat(JsonPath.<String>read(health, "$.details.rotation.state")).isEqualTo("DONE");
		Map<String, Object> bodies = JsonPath.read(health, "$.details.rotation.kinds['message.body'].rowsByKey");
		assertThat(bodies).doesNotContainKey("plain");
		assertThat(health).doesNotContain(K1).doesNotContain(K2);
	}

	private KeyRotation node(ContentEncryption encryption) {
		return new KeyRotation(columns, encryption, template, transactions,
				new EncryptionSettings(true, "k2", Map.of(), null,
						new EncryptionSettings.Rotation(Duration.ofMinutes(5), Duration.ofSeconds(30), 3)),
				Clock.systemUTC());
	}

	private long notUnder(EncryptedColumn column, String key) {
		String value = column.valueColumn();
		String nonEmpty = column.text() ? value + " <> ''" : "OCTET_LENGTH(" + value + ") > 0";
		String keyColumn = column.keyColumn();
		// content not under the key, or a key id left beside emptied content
		return template.queryForObject(
				"SELECT COUNT(*) FROM " + column.table() + " WHERE " + value + " IS NOT NULL AND (" + keyColumn
						+ " IS NOT NULL OR " + nonEmpty + ") AND (" + keyColumn + " IS NULL OR " + keyColumn + " <> ?)",
				Long.class, key);
	}

	/** Decrypts every row of the column with the given keys; the number of rows. */
	private int readAll(EncryptedColumn column, ContentEncryption encryption) {
		List<String> names = new ArrayList<>(column.contextColumns());
		List<Map<String, Object>> rows = template.queryForList("SELECT " + String.join(", ", names) + ", "
				+ column.valueColumn() + ", " + column.keyColumn() + " FROM " + column.table());
		for (Map<String, Object> row : rows) {
			String context = column.context(names.stream().map(row::get).toArray());
			String key = (String) row.get(column.keyColumn());
			if (column.text()) {
				encryption.decryptText((String) row.get(column.valueColumn()), key, context);
			}
			else {
				encryption.decrypt((byte[]) row.get(column.valueColumn()), key, context);
			}
		}
		return rows.size();
	}

	private List<String> decryptedBodies(ContentEncryption encryption) {
		return template.query("SELECT id, body, body_key FROM message",
				(rs, n) -> encryption.decryptText(rs.getString(2), rs.getString(3), "message.body:" + rs.getString(1)));
	}

	/** A message as it was stored before encryption existed: plaintext, no key ids. */
	private UUID legacyMessage(String text) {
		var prisoner = registry.prisoner("1000000001").orElseThrow();
		UUID id = UUID.randomUUID();
		Instant at = Instant.now().minusSeconds(3600);
		jdbc.sql(
				"""
						INSERT INTO message (id, channel, sender_email, sender_name, prisoner_id, facility_id, body, status,
						received_at, updated_at, version) VALUES (?, 'IMAP', 'anna@example.org', 'Anna', ?, ?, ?, 'REJECTED', ?, ?, 0)
						""")
			.params(id.toString(), prisoner.id(), prisoner.facilityId(), text, at.atOffset(ZoneOffset.UTC),
					at.atOffset(ZoneOffset.UTC))
			.update();
		jdbc.sql("INSERT INTO message_photo (message_id, position, content_type, data) VALUES (?, 0, 'image/png', ?)")
			.params(id.toString(), new byte[] { 1, 2, 3, 4 })
			.update();
		jdbc.sql("INSERT INTO message_source (message_id, raw) VALUES (?, ?)")
			.params(id.toString(), ("Subject: oud\r\n\r\n" + text).getBytes(StandardCharsets.UTF_8))
			.update();
		return id;
	}

	/** A stored PDF as it was stored before encryption existed. */
	private String legacyBlob(byte[] content) {
		String key = "test/legacy-" + UUID.randomUUID() + ".pdf";
		jdbc.sql("INSERT INTO stored_blob (blob_key, size, sha256, chunks, stored_at) VALUES (?, ?, ?, 1, ?)")
			.params(key, content.length, Sha256.hex(content), Instant.now().atOffset(ZoneOffset.UTC))
			.update();
		jdbc.sql("INSERT INTO stored_blob_chunk (blob_key, seq, data) VALUES (?, 0, ?)").params(key, content).update();
		return key;
	}

	private UUID storeMail(String subject) {
		var prisoner = registry.prisoner("1000000001").orElseThrow();
		byte[] raw = ("From: anna@example.org\r\nSubject: " + subject + "\r\n\r\nLieve Jan, de Zonnebloemvelden.\r\n")
			.getBytes(StandardCharsets.UTF_8);
		NewMessage mail = new NewMessage(Channel.IMAP, new NewMessage.Sender("anna@example.org", "Anna", null),
				new NewMessage.Addressing(prisoner.id(), prisoner.facilityId(), "post@localhost"),
				new NewMessage.Content(subject, "Lieve Jan, de Zonnebloemvelden.", List.of()),
				NewMessage.Evidence.mail(raw, Sha256.hex(raw)), MailNotes.NONE);
		return intake.store(mail, "anna@example.org").id();
	}

	private static SecretKey key(String base64) {
		return new SecretKeySpec(Base64.getDecoder().decode(base64), "AES");
	}

	private static byte[] png() throws Exception {
		BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
		for (int x = 0; x < 64; x++) {
			for (int y = 0; y < 48; y++) {
				image.setRGB(x, y, (x * 4) << 16 | (y * 5) << 8 | 0x40);
			}
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

}
