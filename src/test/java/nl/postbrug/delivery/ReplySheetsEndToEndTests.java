package nl.postbrug.delivery;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import javax.imageio.ImageIO;

import com.jayway.jsonpath.JsonPath;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;

import nl.postbrug.letters.BarcodeReader;
import nl.postbrug.letters.PrintedCodes;
import nl.postbrug.registry.RegistryImport;
import nl.postbrug.support.ApiTestSupport;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A reply sheet's whole way, through the HTTP API on the demo application: printed after
 * the letter in the batch, written on, scanned, uploaded, screened, approved and read by
 * the sender, and by nobody else.
 */
class ReplySheetsEndToEndTests extends ApiTestSupport {

	private static final AtomicLong NUMBERS = new AtomicLong(System.currentTimeMillis() % 100_000_000L * 10 + 5);

	private static final double DPI = 200;

	@Autowired
	RegistryImport imports;

	@Autowired
	ReplyHotFolder hotFolder;

	@Autowired
	ReplySettings replySettings;

	@Autowired
	nl.postbrug.storage.BlobStore blobs;

	String prisoner;

	RequestPostProcessor relative;

	RequestPostProcessor otherRelative;

	@BeforeEach
	void aPrisonerWithTwoRelatives() {
		prisoner = "78" + NUMBERS.incrementAndGet();
		String email = "kin-" + prisoner + "@example.org";
		String other = "other-" + prisoner + "@example.org";
		assertThat(imports
			.prisoners(new StringReader(
					"number,name,facility,unit,cell,status\n" + prisoner + ",Test Schrijver,PIA,A,A-1.02,ACTIVE\n"))
			.clean()).isTrue();
		assertThat(imports
			.contacts(new StringReader("email,name,verified,approved_for\n" + email + ",Moeder Familie,true," + prisoner
					+ "\n" + other + ",Andere Afzender,true," + prisoner + "\n"))
			.clean()).isTrue();
		imports.setContactPassword(email, "demo");
		imports.setContactPassword(other, "demo");
		relative = httpBasic(email, "demo");
		otherRelative = httpBasic(other, "demo");
	}

	@Test
	void aReplyWrittenOnThePrintedSheetReachesItsSenderAndNobodyElse() throws Exception {
		UUID mine = sent(relative, "Lieve jongen, schrijf je terug?", true);
		UUID theirs = sent(otherRelative, "Hoi, hier een bericht zonder antwoordvel.", false);
		await().until(() -> messageStatus(mine).equals("APPROVED") && messageStatus(theirs).equals("APPROVED"));

		byte[] batch = batchPdf("PIA");
		String replyCode = replyCodeOf(mine);
		assertThat(replyCode).matches("PR-[0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z]");
		assertThat(jdbc.sql("SELECT reply_code FROM letter WHERE message_id = ?")
			.param(theirs.toString())
			.query(String.class)
			.optional()
			.orElse(null)).isNull();
		BufferedImage page = renderedPageWithCode(batch, replyCode);
		drawAnAnswer(page);

		String upload = mvc
			.perform(multipart("/api/v1/replies")
				.file(new MockMultipartFile("file", "reply.png", "image/png", png(page)))
				.with(POSTROOM))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.results[0].page").value(1))
			.andExpect(jsonPath("$.results[0].code").value(replyCode))
			.andExpect(jsonPath("$.results[0].message").value(mine.toString()))
			.andExpect(jsonPath("$.results[0].outcome").value("RECEIVED"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String reply = JsonPath.read(upload, "$.results[0].reply");

		await().until(() -> inReview(reply));
		String queue = mvc.perform(get("/api/v1/review").with(SCREENER)).andReturn().getResponse().getContentAsString();
		List<String> kinds = JsonPath.read(queue, "$[?(@.id == '" + reply + "')].kind");
		assertThat(kinds).containsExactly("REPLY");
		List<String> messageKinds = JsonPath.read(queue, "$[?(@.kind == 'MESSAGE')].kind");
		assertThat(JsonPath.<List<String>>read(queue, "$[*].kind"))
			.allMatch(k -> k.equals("REPLY") || k.equals("MESSAGE"));
		assertThat(messageKinds).isNotNull();
		// not the sender's until a screener approved it
		mvc.perform(get("/api/v1/replies/" + reply + "/pdf").with(relative)).andExpect(status().isNotFound());
		// a screener of PI Vught neither sees, reads nor decides a reply of PI Amsterdam
		long vught = jdbc.sql("SELECT id FROM facility WHERE code = 'PIV'").query(Long.class).single();
		RequestPostProcessor vughtScreener = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
			.user(nl.postbrug.registry.PostbrugUser.staff("screener-piv", "n/a",
					java.util.Set.of(nl.postbrug.registry.Role.SCREENER), false, java.util.Set.of(vught), true));
		assertThat(mvc.perform(get("/api/v1/review").with(vughtScreener))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString()).doesNotContain(reply);
		mvc.perform(get("/api/v1/replies/" + reply + "/pdf").with(vughtScreener)).andExpect(status().isNotFound());
		mvc.perform(get("/review/" + reply + "/reply.png").with(vughtScreener)).andExpect(status().isNotFound());
		mvc.perform(post("/api/v1/review/" + reply).contentType(MediaType.APPLICATION_JSON)
			.content("{\"decision\":\"APPROVE\"}")
			.with(vughtScreener)).andExpect(status().isNotFound());
		mvc.perform(get("/review/" + reply + "/reply.png")
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
				.user(nl.postbrug.registry.PostbrugUser.staff("screener", "n/a",
						java.util.Set.of(nl.postbrug.registry.Role.SCREENER), true, java.util.Set.of(), true))))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.contentType(MediaType.IMAGE_PNG));
		mvc.perform(post("/api/v1/review/" + reply).contentType(MediaType.APPLICATION_JSON)
			.content("{\"decision\":\"APPROVE\"}")
			.with(SCREENER)).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("APPROVED"));

		mvc.perform(get("/api/v1/messages/" + mine).with(relative))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.replies[0].id").value(reply))
			.andExpect(jsonPath("$.replies[0].status").value("APPROVED"))
			.andExpect(jsonPath("$.replies[0].receivedAt").isNotEmpty());
		mvc.perform(get("/api/v1/messages/" + theirs).with(otherRelative))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.replies").isEmpty());
		byte[] pdf = mvc.perform(get("/api/v1/replies/" + reply + "/pdf").with(relative))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (PDDocument doc = Loader.loadPDF(pdf)) {
			assertThat(doc.getNumberOfPages()).isEqualTo(1);
			// an image of the writing area only: no text of the letter, the batch or
			// anyone else's message
			assertThat(new PDFTextStripper().getText(doc)).isBlank();
			BufferedImage received = new PDFRenderer(doc).renderImageWithDPI(0, (float) DPI, ImageType.GRAY);
			// the writing area starts 16 mm from the left and 46 mm from the top
			assertThat(meanGrey(received, 60 - 16, 150 - 46, 100 - 16, 170 - 46)).as("the drawn block").isLessThan(70);
			assertThat(darkShare(received, 40 - 16, 95 - 46, 150 - 16, 125 - 46)).as("the drawn stroke")
				.isGreaterThan(0.02);
			assertThat(meanGrey(received, 120 - 16, 180 - 46, 180 - 16, 240 - 46)).as("paper left blank")
				.isGreaterThan(200);
			// the header (registry number, cell) and the codes are not on it
			assertThat(BarcodeReader.find(received)).isEmpty();
		}
		mvc.perform(get("/api/v1/replies/" + reply + "/pdf").with(otherRelative)).andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/replies/" + reply + "/pdf").with(ANNA)).andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/replies/" + reply + "/pdf").with(POSTROOM)).andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/replies/" + reply + "/pdf")).andExpect(status().isUnauthorized());
		assertThat(jdbc.sql("SELECT type FROM audit_event WHERE subject = ? ORDER BY seq")
			.param("reply:" + reply)
			.query(String.class)
			.list()).containsSubsequence("REPLY_RECEIVED", "REPLY_IN_REVIEW", "REPLY_APPROVED", "REPLY_READ");
	}

	@Test
	void aReprintedLetterCarriesItsReplySheetAgainAndAReplyOnItIsTaken() throws Exception {
		UUID mine = sent(relative, "Lieve jongen, de vorige brief was nat geworden.", true);
		await().until(() -> messageStatus(mine).equals("APPROVED"));
		batchPdf("PIA");
		String replyCode = replyCodeOf(mine);
		long letter = jdbc.sql("SELECT id FROM letter WHERE message_id = ?")
			.param(mine.toString())
			.query(Long.class)
			.single();

		String reprinted = JsonPath.read(mvc.perform(post("/api/v1/letters/" + letter + "/reprint").with(POSTROOM))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.code");
		String key = jdbc.sql("SELECT pdf_path FROM letter_copy WHERE code = ?")
			.param(reprinted)
			.query(String.class)
			.single();
		byte[] reprint;
		try (java.io.InputStream in = blobs.open(key).orElseThrow()) {
			reprint = in.readAllBytes();
		}

		List<String> codes = PrintedCodes.decodeEachPage(reprint, (int) DPI);
		assertThat(codes.get(0)).isEqualTo(reprinted);
		assertThat(codes.get(codes.size() - 1)).as("the reprint's last page is the reply sheet, code unchanged")
			.isEqualTo(replyCode);
		assertThat(codes).filteredOn(code -> code != null && code.startsWith("PR-")).hasSize(1);
		BufferedImage page = renderedPageWithCode(reprint, replyCode);
		drawAnAnswer(page);
		upload(png(page), POSTROOM).andExpect(jsonPath("$.results[0].outcome").value("RECEIVED"))
			.andExpect(jsonPath("$.results[0].message").value(mine.toString()));
	}

	@Test
	void aPageWithoutACodeWaitsForStaffAndACodeUsedTwiceNeedsTheirConfirmation() throws Exception {
		UUID mine = sent(relative, "Schrijf je me terug?", true);
		await().until(() -> messageStatus(mine).equals("APPROVED"));
		byte[] batch = batchPdf("PIA");
		String replyCode = replyCodeOf(mine);
		BufferedImage page = renderedPageWithCode(batch, replyCode);
		drawAnAnswer(page);
		long repliesBefore = count("SELECT COUNT(*) FROM reply");

		BufferedImage blank = new BufferedImage(page.getWidth(), page.getHeight(), BufferedImage.TYPE_INT_RGB);
		Graphics2D g = blank.createGraphics();
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, blank.getWidth(), blank.getHeight());
		g.dispose();
		upload(png(blank), POSTROOM).andExpect(jsonPath("$.results[0].outcome").value("NO_CODE"))
			.andExpect(jsonPath("$.results[0].code").doesNotExist());
		String pages = mvc.perform(get("/api/v1/replies/pages").with(POSTROOM))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<String> noCode = JsonPath.read(pages, "$[?(@.problem == 'NO_CODE')].id");
		assertThat(noCode).as(pages).isNotEmpty();
		String pageId = noCode.get(noCode.size() - 1);
		// handed in without a facility by someone who works for all three: theirs alone
		assertThat(mvc.perform(get("/api/v1/replies/pages").with(POSTROOM_PIV))
			.andReturn()
			.getResponse()
			.getContentAsString()).doesNotContain(pageId);
		settle(pageId, "{\"code\":\"" + replyCode + "\"}", POSTROOM_PIV).andExpect(status().isNotFound());
		settle(pageId, "{\"code\":\"PR-00000-00000-1\"}", POSTROOM).andExpect(status().isBadRequest());
		settle(pageId, "{\"code\":\"" + replyCode.toLowerCase(java.util.Locale.ROOT) + "\"}", POSTROOM)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.outcome").value("RECEIVED"))
			.andExpect(jsonPath("$.message").value(mine.toString()));
		settle(pageId, "{\"code\":\"" + replyCode + "\"}", POSTROOM).andExpect(status().isNotFound());

		upload(png(page), POSTROOM).andExpect(jsonPath("$.results[0].outcome").value("CODE_USED"));
		String again = mvc.perform(get("/api/v1/replies/pages").with(POSTROOM))
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<String> used = JsonPath.read(again, "$[?(@.replyCode == '" + replyCode + "')].id");
		assertThat(used).hasSize(1);
		settle(used.get(0), "{}", POSTROOM).andExpect(jsonPath("$.outcome").value("CODE_USED"));
		settle(used.get(0), "{\"secondPage\":true}", POSTROOM).andExpect(jsonPath("$.outcome").value("RECEIVED"));
		assertThat(count("SELECT COUNT(*) FROM reply")).isEqualTo(repliesBefore + 2);
		mvc.perform(get("/api/v1/messages/" + mine).with(relative)).andExpect(jsonPath("$.replies.length()").value(2));

		// a sheet of PI Amsterdam handed in at PI Vught is refused and not kept
		upload(png(page), POSTROOM_PIV).andExpect(jsonPath("$.results[0].outcome").value("WRONG_FACILITY"))
			.andExpect(jsonPath("$.results[0].message").doesNotExist());
		assertThat(count("SELECT COUNT(*) FROM reply")).isEqualTo(repliesBefore + 2);
		assertThat(count("SELECT COUNT(*) FROM audit_event WHERE type = 'REPLY_PAGE_SETTLED'"))
			.isGreaterThanOrEqualTo(2);
	}

	@Test
	void hostileUploadsAreRefusedWithAReason() throws Exception {
		mvc.perform(multipart("/api/v1/replies")
			.file(new MockMultipartFile("file", "x.zip", "application/zip", "PK\u0003\u0004 not a scan".getBytes()))
			.with(POSTROOM)).andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("scan.not-a-scan"));
		mvc.perform(multipart("/api/v1/replies")
			.file(new MockMultipartFile("file", "x.pdf", "application/pdf", "%PDF-1.7 broken".getBytes()))
			.with(POSTROOM)).andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("scan.unreadable"));
		mvc.perform(multipart("/api/v1/replies").with(POSTROOM)).andExpect(status().isBadRequest());
		mvc.perform(multipart("/api/v1/replies")
			.file(new MockMultipartFile("file", "x.png", "image/png",
					png(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB))))
			.with(relative)).andExpect(status().isForbidden());
	}

	private org.springframework.test.web.servlet.ResultActions upload(byte[] file, RequestPostProcessor who)
			throws Exception {
		return mvc
			.perform(multipart("/api/v1/replies").file(new MockMultipartFile("file", "scan.png", "image/png", file))
				.with(who))
			.andExpect(status().isOk());
	}

	private org.springframework.test.web.servlet.ResultActions settle(String page, String body,
			RequestPostProcessor who) throws Exception {
		return mvc.perform(
				post("/api/v1/replies/pages/" + page).contentType(MediaType.APPLICATION_JSON).content(body).with(who));
	}

	@Test
	void aScanSavedIntoTheFacilitysHotFolderIsReadAndMovedAside() throws Exception {
		UUID mine = sent(relative, "Tot zondag, schrijf je?", true);
		await().until(() -> messageStatus(mine).equals("APPROVED"));
		byte[] batch = batchPdf("PIA");
		BufferedImage page = renderedPageWithCode(batch, replyCodeOf(mine));
		drawAnAnswer(page);
		java.nio.file.Path dir = java.nio.file.Files.createDirectories(replySettings.hotFolder().resolve("PIA"));
		java.nio.file.Path scan = dir.resolve("scan-" + mine + ".png");
		java.nio.file.Files.write(scan, png(page));
		java.nio.file.Path junk = java.nio.file.Files.write(dir.resolve("junk-" + mine + ".pdf"),
				"not a pdf".getBytes());

		assertThat(hotFolder.readAll()).as("files the scanner may still be writing wait").isEmpty();
		assertThat(scan).exists();
		java.nio.file.attribute.FileTime settled = java.nio.file.attribute.FileTime
			.from(java.time.Instant.now().minusSeconds(60));
		java.nio.file.Files.setLastModifiedTime(scan, settled);
		java.nio.file.Files.setLastModifiedTime(junk, settled);
		List<Replies.PageResult> results = hotFolder.readAll();

		assertThat(results).filteredOn(r -> mine.equals(r.message()))
			.extracting(Replies.PageResult::outcome)
			.containsExactly(PageOutcome.RECEIVED);
		assertThat(scan).doesNotExist();
		assertThat(dir.resolve("processed").resolve(scan.getFileName())).exists();
		assertThat(dir.resolve("failed").resolve(junk.getFileName() + ".reason.txt")).content()
			.startsWith("scan.not-a-scan");
		assertThat(count("SELECT COUNT(*) FROM reply WHERE message_id = '" + mine + "' AND channel = 'hot-folder'"))
			.isEqualTo(1);
	}

	private UUID sent(RequestPostProcessor who, String text, boolean replySheet) throws Exception {
		String body = mvc
			.perform(multipart("/api/v1/messages").param("prisoner", prisoner)
				.param("text", text)
				.param("replySheet", Boolean.toString(replySheet))
				.with(who))
			.andExpect(status().isAccepted())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return UUID.fromString(JsonPath.read(body, "$.id"));
	}

	private String messageStatus(UUID id) throws Exception {
		String body = mvc.perform(get("/api/v1/messages/" + id).with(POSTROOM))
			.andReturn()
			.getResponse()
			.getContentAsString();
		return JsonPath.read(body, "$.status");
	}

	private boolean inReview(String reply) {
		return count("SELECT COUNT(*) FROM reply WHERE id = '" + reply + "' AND status = 'IN_REVIEW'") == 1;
	}

	private byte[] batchPdf(String facility) throws Exception {
		String batch = mvc.perform(post("/api/v1/facilities/" + facility + "/batches").with(POSTROOM))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return mvc.perform(get("/api/v1/batches/" + JsonPath.read(batch, "$.id") + "/pdf").with(POSTROOM))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
	}

	private String replyCodeOf(UUID message) {
		return jdbc.sql("SELECT reply_code FROM letter WHERE message_id = ?")
			.param(message.toString())
			.query(String.class)
			.single();
	}

	/** The batch page whose QR code is {@code code}, as a 200 dpi scan would give it. */
	static BufferedImage renderedPageWithCode(byte[] pdf, String code) throws Exception {
		List<String> codes = PrintedCodes.decodeEachPage(pdf, (int) DPI);
		int index = codes.indexOf(code);
		assertThat(index).as("a page of the batch carries " + code).isNotNegative();
		try (PDDocument doc = Loader.loadPDF(pdf)) {
			BufferedImage grey = new PDFRenderer(doc).renderImageWithDPI(index, (float) DPI, ImageType.GRAY);
			BufferedImage rgb = new BufferedImage(grey.getWidth(), grey.getHeight(), BufferedImage.TYPE_INT_RGB);
			rgb.getGraphics().drawImage(grey, 0, 0, null);
			return rgb;
		}
	}

	/** Handwriting, as far as a test can write: words, a long stroke and a block. */
	static void drawAnAnswer(BufferedImage page) {
		Graphics2D g = page.createGraphics();
		try {
			g.setColor(new Color(20, 20, 60));
			g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, px(8)));
			g.drawString("Dag mam, alles goed hier.", px(30), px(70));
			g.setStroke(new BasicStroke(px(1.2)));
			g.drawLine(px(40), px(100), px(150), px(120));
			g.fillRect(px(60), px(150), px(40), px(20));
		}
		finally {
			g.dispose();
		}
	}

	static int px(double mm) {
		return (int) Math.round(mm / 25.4 * DPI);
	}

	static byte[] png(BufferedImage image) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

	/** Mean grey level (0 black, 255 white) of a box given in millimetres. */
	private static double meanGrey(BufferedImage image, double x0, double y0, double x1, double y1) {
		long sum = 0;
		long n = 0;
		for (int y = px(y0) + 2; y < px(y1) - 2; y++) {
			for (int x = px(x0) + 2; x < px(x1) - 2; x++) {
				sum += image.getRaster().getSample(x, y, 0);
				n++;
			}
		}
		return (double) sum / n;
	}

	private static double darkShare(BufferedImage image, double x0, double y0, double x1, double y1) {
		long dark = 0;
		long n = 0;
		for (int y = px(y0); y < px(y1); y++) {
			for (int x = px(x0); x < px(x1); x++) {
				if (image.getRaster().getSample(x, y, 0) < 100) {
					dark++;
				}
				n++;
			}
		}
		return (double) dark / n;
	}

}
