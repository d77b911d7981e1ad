package nl.postbrug.intake;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.imageio.ImageIO;

import com.jayway.jsonpath.JsonPath;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

import nl.postbrug.letters.PrintedCodes;
import nl.postbrug.registry.Registry;
import nl.postbrug.support.ApiTestSupport;
import nl.postbrug.support.DataDirs;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The retention purge on the demo data, with its clock moved forward: PI Vught keeps
 * content 90 days, PI Amsterdam 180, PI Zwolle and messages for no facility the default
 * (180). A context of its own (batch size 3, so the purge pages), so that moving time on
 * does not purge what other tests read.
 */
@TestPropertySource(properties = { "postbrug.retention.batch-size=3", "postbrug.retention.cron=" })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ContentRetentionTests extends ApiTestSupport {

	@Autowired
	Registry registry;

	@Autowired
	RetentionSettings settings;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	Clock clock;

	@Autowired
	UserDetailsService users;

	@Test
	@Order(1)
	void purgesEachKindOfContentAfterItsFacilitysPeriodAndKeepsWhatIsNotDue() throws Exception {
		UUID withPhoto = sendWithPhoto("1000000001", "Lieve Jan, een foto van de tuin. " + DataDirs.uniqueWords());
		await().until(() -> statusOf(withPhoto).equals("APPROVED"));
		UUID stillPrinted = sendAndAwait("1000000001", "Tot zondag, Jan. " + DataDirs.uniqueWords(), "APPROVED");
		UUID toVught = sendAndAwait("1000000002", "Dag Mark, alles goed hier. " + DataDirs.uniqueWords(), "APPROVED");
		UUID rejectedMail = jdbc.sql("""
				SELECT m.id FROM message m JOIN message_source s ON s.message_id = m.id
				WHERE m.status = 'REJECTED' ORDER BY m.received_at FETCH FIRST 1 ROWS ONLY
				""").query((rs, n) -> UUID.fromString(rs.getString(1))).single();

		long amsterdam = batch("PIA");
		long vught = batch("PIV");
		long letter = letterOf(amsterdam, withPhoto);
		String reprinted = JsonPath.read(mvc.perform(post("/api/v1/letters/" + letter + "/reprint").with(POSTROOM))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.code");
		scan(reprinted);
		for (String code : codes(vught)) {
			scan(code);
		}
		assertThat(statusOf(withPhoto)).isEqualTo("DELIVERED");
		assertThat(statusOf(toVught)).isEqualTo("DELIVERED");
		assertThat(statusOf(stillPrinted)).isEqualTo("PRINTED");
		String reprintKey = jdbc.sql("SELECT pdf_path FROM letter_copy WHERE code = ?")
			.param(reprinted)
			.query(String.class)
			.single();
		String vughtKey = pdfKey(vught);

		RetentionRun early = retentionAt(Duration.ofDays(89)).purgeDue("schedule");
		assertThat(purged(toVught)).isFalse();
		assertThat(early.messages()).isZero();

		RetentionRun afterVught = retentionAt(Duration.ofDays(91)).purgeDue("schedule");
		assertThat(afterVught.messages()).isPositive();
		assertThat(purged(toVught)).isTrue();
		assertThat(body(toVught)).isEmpty();
		assertThat(purged(withPhoto)).isFalse();
		assertThat(body(withPhoto)).startsWith("Lieve Jan");
		assertThat(count("SELECT COUNT(*) FROM message_photo WHERE message_id = '" + withPhoto + "'")).isEqualTo(1);
		assertThat(purged(rejectedMail)).isFalse();
		assertThat(count("SELECT COUNT(*) FROM message_source WHERE message_id = '" + rejectedMail + "'")).isEqualTo(1);
		assertThat(blobExists(vughtKey)).isFalse();
		assertThat(blobExists(reprintKey)).isTrue();
		assertThat(audited("MESSAGE_CONTENT_PURGED", "message:" + toVught)).isEqualTo(1);
		assertThat(audited("BATCH_PDF_PURGED", "batch:" + vught)).isEqualTo(1);
		mvc.perform(get("/api/v1/batches/" + vught + "/pdf").with(POSTROOM))
			.andExpect(status().isGone())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail", containsString("bewaartermijn")));
		mvc.perform(get("/api/v1/messages/" + toVught).with(ANNA))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("DELIVERED"))
			.andExpect(jsonPath("$.purgedAt").isNotEmpty())
			.andExpect(jsonPath("$.events.length()").value(5));

		RetentionRun afterAmsterdam = retentionAt(Duration.ofDays(181)).purgeDue("schedule");
		assertThat(afterAmsterdam.photos()).isPositive();
		assertThat(afterAmsterdam.rawMails()).isPositive();
		assertThat(purged(withPhoto)).isTrue();
		assertThat(count("SELECT COUNT(*) FROM message_photo WHERE message_id = '" + withPhoto + "'")).isZero();
		assertThat(purged(rejectedMail)).isTrue();
		assertThat(count("SELECT COUNT(*) FROM message_source WHERE message_id = '" + rejectedMail + "'")).isZero();
		assertThat(
				count("SELECT COUNT(*) FROM message WHERE source_sha256 IS NOT NULL AND id = '" + rejectedMail + "'"))
			.as("the hash stays as evidence that the mail came, and against a second copy")
			.isEqualTo(1);
		assertThat(blobExists(reprintKey)).isFalse();
		assertThat(audited("REPRINT_PDF_PURGED", "letter:" + letter)).isEqualTo(1);
		assertThat(audited("MESSAGE_CONTENT_PURGED", "message:" + toVught)).as("purged once").isEqualTo(1);
		assertThat(blobExists(pdfKey(amsterdam))).as("a letter in the batch is not handed over yet").isTrue();
		mvc.perform(get("/api/v1/batches/" + amsterdam + "/pdf").with(POSTROOM)).andExpect(status().isOk());
		mvc.perform(post("/api/v1/letters/" + letter + "/reprint").with(POSTROOM))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail", containsString("bewaartermijn")));

		retentionAt(Duration.ofDays(3650)).purgeDue("schedule");
		assertThat(purged(stillPrinted)).as("a message that has not ended is never purged").isFalse();
		assertThat(body(stillPrinted)).startsWith("Tot zondag");
		assertThat(count("SELECT COUNT(*) FROM audit_event WHERE type = 'RETENTION_RUN'")).isGreaterThanOrEqualTo(4);
		assertThat(jdbc.sql("SELECT detail FROM audit_event WHERE type = 'MESSAGE_CONTENT_PURGED' AND subject = ?")
			.param("message:" + withPhoto)
			.query(String.class)
			.single()).contains("DELIVERED", "retention 180 days", "1 photos").doesNotContain("Lieve Jan");

		mvc.perform(get("/messages").with(user(users.loadUserByUsername("anna@example.org"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("bewaartermijn voorbij")))
			.andExpect(content().string(not(containsString("een foto van de tuin"))));
		mvc.perform(get("/api/v1/audit/verify").with(AUDITOR))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.valid").value(true));
	}

	@Test
	@Order(2)
	void twoNodesPurgingAtOnceEachPurgeAMessageOnce() throws Exception {
		List<UUID> ids = new ArrayList<>();
		for (int i = 0; i < 7; i++) {
			ids.add(sendAndAwait("1000000002", "Dag Mark, brief " + i + ". " + DataDirs.uniqueWords(), "APPROVED"));
		}
		for (String code : codes(batch("PIV"))) {
			scan(code);
		}
		ContentRetention one = retentionAt(Duration.ofDays(4000));
		ContentRetention other = retentionAt(Duration.ofDays(4000));
		ExecutorService nodes = Executors.newFixedThreadPool(2);
		try {
			List<Future<RetentionRun>> runs = nodes.invokeAll(
					List.<Callable<RetentionRun>>of(() -> one.purgeDue("schedule"), () -> other.purgeDue("schedule")));
			int total = runs.get(0).get().messages() + runs.get(1).get().messages();
			assertThat(total).isGreaterThanOrEqualTo(ids.size());
		}
		finally {
			nodes.shutdown();
		}
		for (UUID id : ids) {
			assertThat(purged(id)).isTrue();
			assertThat(audited("MESSAGE_CONTENT_PURGED", "message:" + id)).isEqualTo(1);
		}
		assertThat(count("""
				SELECT COUNT(*) FROM (SELECT subject FROM audit_event WHERE type = 'MESSAGE_CONTENT_PURGED'
				GROUP BY subject HAVING COUNT(*) > 1) twice
				""")).isZero();
	}

	@Test
	@Order(3)
	void aRepliesScanAndItsQueuedPagesGoWithTheMessageAndPagesWithoutOneAfterTheDefault() throws Exception {
		String sent = mvc
			.perform(multipart("/api/v1/messages").param("prisoner", "1000000001")
				.param("text", "Lieve Jan, schrijf je terug? " + DataDirs.uniqueWords())
				.param("replySheet", "true")
				.with(ANNA))
			.andExpect(status().isAccepted())
			.andReturn()
			.getResponse()
			.getContentAsString();
		UUID message = UUID.fromString(JsonPath.read(sent, "$.id"));
		await().until(() -> statusOf(message).equals("APPROVED"));
		long batch = batch("PIA");
		byte[] pdf = mvc.perform(get("/api/v1/batches/" + batch + "/pdf").with(POSTROOM))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		String replyCode = jdbc.sql("SELECT reply_code FROM letter WHERE message_id = ?")
			.param(message.toString())
			.query(String.class)
			.single();
		byte[] sheet = pageWithCode(pdf, replyCode);
		String reply = JsonPath.read(uploadReply(sheet), "$.results[0].reply");
		assertThat(JsonPath.<String>read(uploadReply(sheet), "$.results[0].outcome")).isEqualTo("CODE_USED");
		assertThat(JsonPath.<String>read(uploadReply(blankPage()), "$.results[0].outcome")).isEqualTo("NO_CODE");
		String usedPage = jdbc.sql("SELECT id FROM reply_page WHERE reply_code = ?")
			.param(replyCode)
			.query(String.class)
			.single();
		String noCodePage = jdbc
			.sql("SELECT id FROM reply_page WHERE problem = 'NO_CODE' AND settled_at IS NULL ORDER BY received_at DESC"
					+ " FETCH FIRST 1 ROWS ONLY")
			.query(String.class)
			.single();
		String scanKey = jdbc.sql("SELECT pdf_key FROM reply WHERE id = ?").param(reply).query(String.class).single();
		String usedKey = imageKey(usedPage);
		String noCodeKey = imageKey(noCodePage);
		await()
			.until(() -> count("SELECT COUNT(*) FROM reply WHERE status = 'IN_REVIEW' AND id = '" + reply + "'") == 1);
		mvc.perform(post("/api/v1/review/" + reply).contentType(MediaType.APPLICATION_JSON)
			.content("{\"decision\":\"APPROVE\"}")
			.with(SCREENER)).andExpect(status().isOk());
		List<String> letterCode = JsonPath.read(mvc.perform(get("/api/v1/batches/" + batch).with(POSTROOM))
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.items[?(@.message == '" + message + "')].code");
		scan(letterCode.get(0));
		assertThat(statusOf(message)).isEqualTo("DELIVERED");
		mvc.perform(get("/api/v1/replies/" + reply + "/pdf").with(ANNA)).andExpect(status().isOk());

		retentionAt(Duration.ofDays(179)).purgeDue("schedule");
		assertThat(blobExists(scanKey)).isTrue();
		assertThat(blobExists(usedKey)).isTrue();
		assertThat(blobExists(noCodeKey)).isTrue();

		retentionAt(Duration.ofDays(181)).purgeDue("schedule");
		assertThat(purged(message)).isTrue();
		assertThat(blobExists(scanKey)).as("the reply's scan goes in the message's purge").isFalse();
		assertThat(blobExists(usedKey)).as("a queued page with the message's code goes with it").isFalse();
		assertThat(count("SELECT COUNT(*) FROM reply WHERE status = 'APPROVED' AND pdf_purged_at IS NOT NULL AND id = '"
				+ reply + "'"))
			.as("the reply keeps its metadata")
			.isEqualTo(1);
		assertThat(audited("REPLY_SCAN_PURGED", "reply:" + reply)).isEqualTo(1);
		assertThat(audited("REPLY_PAGE_PURGED", "reply-page:" + usedPage)).isEqualTo(1);
		await().until(() -> !blobExists(noCodeKey));
		await().until(() -> audited("REPLY_PAGE_PURGED", "reply-page:" + noCodePage) == 1);
		assertThat(jdbc.sql("SELECT detail FROM audit_event WHERE type = 'REPLY_PAGE_PURGED' AND subject = ?")
			.param("reply-page:" + noCodePage)
			.query(String.class)
			.single()).contains("NO_CODE", "default retention period");
		assertThat(mvc.perform(get("/api/v1/replies/pages").with(POSTROOM))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString()).doesNotContain(usedPage).doesNotContain(noCodePage);

		mvc.perform(get("/api/v1/replies/" + reply + "/pdf").with(ANNA))
			.andExpect(status().isGone())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.title").value("Verwijderd na de bewaartermijn"))
			.andExpect(jsonPath("$.detail", containsString("bewaartermijn van het bericht voorbij")));
		mvc.perform(get("/api/v1/replies/" + reply + "/pdf").header("Accept-Language", "en").with(ANNA))
			.andExpect(status().isGone())
			.andExpect(jsonPath("$.detail", containsString("retention period of the message has ended")));
		mvc.perform(get("/api/v1/replies/" + reply + "/pdf").with(AUDITOR)).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/messages/" + message).with(ANNA))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.replies[0].id").value(reply));

		// a reply that comes after its message was purged goes after its own period
		String late = JsonPath.read(uploadReply(sheet, true), "$.results[0].reply");
		await()
			.until(() -> count("SELECT COUNT(*) FROM reply WHERE status = 'IN_REVIEW' AND id = '" + late + "'") == 1);
		mvc.perform(post("/api/v1/review/" + late).contentType(MediaType.APPLICATION_JSON)
			.content("{\"decision\":\"APPROVE\"}")
			.with(SCREENER)).andExpect(status().isOk());
		String lateKey = jdbc.sql("SELECT pdf_key FROM reply WHERE id = ?").param(late).query(String.class).single();
		mvc.perform(get("/api/v1/replies/" + late + "/pdf").with(ANNA)).andExpect(status().isOk());

		retentionAt(Duration.ofDays(3650)).purgeDue("schedule");
		assertThat(audited("REPLY_SCAN_PURGED", "reply:" + reply)).as("purged once").isEqualTo(1);
		await().until(() -> !blobExists(lateKey));
		await().until(() -> audited("REPLY_SCAN_PURGED", "reply:" + late) == 1);
		mvc.perform(get("/api/v1/replies/" + late + "/pdf").with(ANNA)).andExpect(status().isGone());
		mvc.perform(get("/api/v1/audit/verify").with(AUDITOR))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.valid").value(true));
	}

	private String uploadReply(byte[] png) throws Exception {
		return uploadReply(png, false);
	}

	private String uploadReply(byte[] png, boolean secondPage) throws Exception {
		return mvc
			.perform(multipart("/api/v1/replies").file(new MockMultipartFile("file", "scan.png", "image/png", png))
				.param("secondPage", Boolean.toString(secondPage))
				.with(POSTROOM))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	/** The batch page carrying {@code code}, as a 200 dpi scan gives it. */
	private static byte[] pageWithCode(byte[] pdf, String code) throws Exception {
		int index = PrintedCodes.decodeEachPage(pdf, 200).indexOf(code);
		assertThat(index).as("a page of the batch carries " + code).isNotNegative();
		try (PDDocument doc = Loader.loadPDF(pdf)) {
			return png(new PDFRenderer(doc).renderImageWithDPI(index, 200, ImageType.RGB));
		}
	}

	private static byte[] blankPage() throws Exception {
		BufferedImage blank = new BufferedImage(1654, 2339, BufferedImage.TYPE_INT_RGB);
		java.awt.Graphics2D g = blank.createGraphics();
		g.setColor(java.awt.Color.WHITE);
		g.fillRect(0, 0, blank.getWidth(), blank.getHeight());
		g.dispose();
		return png(blank);
	}

	private static byte[] png(BufferedImage image) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

	private String imageKey(String pageId) {
		return jdbc.sql("SELECT image_key FROM reply_page WHERE id = ?").param(pageId).query(String.class).single();
	}

	private ContentRetention retentionAt(Duration later) {
		return new ContentRetention(jdbc, registry, settings, events, transactions,
				Clock.fixed(clock.instant().plus(later), ZoneOffset.UTC));
	}

	private UUID sendWithPhoto(String prisoner, String text) throws Exception {
		BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
		for (int x = 0; x < 64; x++) {
			for (int y = 0; y < 48; y++) {
				image.setRGB(x, y, (x * 4) << 16 | (y * 5) << 8 | 90);
			}
		}
		ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
		ImageIO.write(image, "jpg", jpeg);
		String sent = mvc
			.perform(multipart("/api/v1/messages")
				.file(new MockMultipartFile("photos", "tuin.jpg", "image/jpeg", jpeg.toByteArray()))
				.param("prisoner", prisoner)
				.param("text", text)
				.with(ANNA))
			.andExpect(status().isAccepted())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return UUID.fromString(JsonPath.read(sent, "$.id"));
	}

	private long batch(String facility) throws Exception {
		String batch = mvc.perform(post("/api/v1/facilities/" + facility + "/batches").with(POSTROOM))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return ((Number) JsonPath.read(batch, "$.id")).longValue();
	}

	private List<String> codes(long batchId) throws Exception {
		return JsonPath.read(mvc.perform(get("/api/v1/batches/" + batchId).with(POSTROOM))
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.items[*].code");
	}

	private long letterOf(long batchId, UUID message) throws Exception {
		List<Number> ids = JsonPath.read(mvc.perform(get("/api/v1/batches/" + batchId).with(POSTROOM))
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.items[?(@.message == '" + message + "')].id");
		return ids.get(0).longValue();
	}

	private void scan(String code) throws Exception {
		mvc.perform(post("/api/v1/scans").with(POSTROOM)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"code\":\"" + code + "\"}")).andExpect(status().isOk());
	}

	private String pdfKey(long batchId) {
		return jdbc.sql("SELECT pdf_path FROM batch WHERE id = ?").param(batchId).query(String.class).single();
	}

	private boolean blobExists(String key) {
		return count("SELECT COUNT(*) FROM stored_blob WHERE blob_key = '" + key + "'") > 0;
	}

	private boolean purged(UUID id) {
		return count("SELECT COUNT(*) FROM message WHERE content_purged_at IS NOT NULL AND id = '" + id + "'") == 1;
	}

	private String body(UUID id) {
		return jdbc.sql("SELECT body FROM message WHERE id = ?").param(id.toString()).query(String.class).single();
	}

	private long audited(String type, String subject) {
		return jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE type = ? AND subject = ?")
			.params(type, subject)
			.query(Long.class)
			.single();
	}

}
