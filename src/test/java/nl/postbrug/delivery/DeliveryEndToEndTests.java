package nl.postbrug.delivery;

import java.io.StringReader;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import com.jayway.jsonpath.JsonPath;

import nl.postbrug.intake.IllegalTransition;
import nl.postbrug.intake.IntakeReason;
import nl.postbrug.intake.Messages;
import nl.postbrug.registry.RegistryImport;
import nl.postbrug.support.ApiTestSupport;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every way a letter leaves the postroom, through the HTTP API on the demo application:
 * handed over, handed over before, a void copy, a code of another facility or none of
 * ours, returned because the prisoner was released, forwarded because they moved. Each
 * test has a prisoner and a relative of its own, so moving people here moves nobody
 * another test writes to.
 */
class DeliveryEndToEndTests extends ApiTestSupport {

	private static final AtomicLong NUMBERS = new AtomicLong(System.currentTimeMillis() % 100_000_000L * 10);

	@Autowired
	RegistryImport imports;

	@Autowired
	Messages messages;

	@Autowired
	io.micrometer.core.instrument.MeterRegistry meters;

	String prisoner;

	RequestPostProcessor relative;

	@BeforeEach
	void aPrisonerAndARelativeOfTheirOwn() {
		prisoner = "77" + NUMBERS.incrementAndGet();
		String email = "kin-" + prisoner + "@example.org";
		assertThat(imports
			.prisoners(new StringReader(
					"number,name,facility,unit,cell,status\n" + prisoner + ",Test Gedetineerde,PIA,A,A-1.01,ACTIVE\n"))
			.clean()).isTrue();
		assertThat(imports
			.contacts(new StringReader(
					"email,name,verified,approved_for\n" + email + ",Test Familie,true," + prisoner + "\n"))
			.clean()).isTrue();
		imports.setContactPassword(email, "demo");
		relative = httpBasic(email, "demo");
	}

	@Test
	void aLetterIsDeliveredOnceAndTheSecondScanSaysWhenAndByWhom() throws Exception {
		String code = printedAt("PIA", approvedMessage());
		assertThat(outcome(scan(code, POSTROOM))).isEqualTo("DELIVERED");
		String again = scan(code, POSTROOM);
		assertThat(outcome(again)).isEqualTo("ALREADY_DELIVERED");
		assertThat((String) JsonPath.read(again, "$.deliveredBy")).isEqualTo("postroom");
		assertThat((String) JsonPath.read(again, "$.deliveredAt")).isNotBlank();
		assertThat(outcome(scan("PB-00000-00000-0", POSTROOM))).isEqualTo("UNKNOWN_CODE");
	}

	@Test
	void aReprintMakesTheOldCopyVoid() throws Exception {
		UUID id = approvedMessage();
		String old = printedAt("PIA", id);
		long letter = count(
				"SELECT l.id FROM letter l JOIN letter_copy c ON c.letter_id = l.id WHERE c.code = '" + old + "'");
		String reprint = mvc.perform(post("/api/v1/letters/" + letter + "/reprint").with(POSTROOM))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(outcome(scan(old, POSTROOM))).isEqualTo("VOID_COPY");
		assertThat(outcome(scan(JsonPath.read(reprint, "$.code"), POSTROOM))).isEqualTo("DELIVERED");
	}

	@Test
	void aTransferredPrisonersLetterIsForwardedPrintedAgainThereAndDeliveredThere() throws Exception {
		UUID id = approvedMessage();
		String oldCode = printedAt("PIA", id);
		transfer("PIV", "B", "B-1.07").andExpect(status().isOk())
			.andExpect(jsonPath("$.facility").value("PIV"))
			.andExpect(jsonPath("$.cell").value("B-1.07"));

		String forward = scan(oldCode, POSTROOM);
		assertThat(outcome(forward)).isEqualTo("FORWARD");
		assertThat((String) JsonPath.read(forward, "$.forwardedTo")).isEqualTo("PIV");
		assertThat((String) JsonPath.read(forward, "$.prisoner.cell")).isEqualTo("B-1.07");
		assertThat(statusOf(id)).isEqualTo("PRINTED");
		assertThat(outcome(scan(oldCode, POSTROOM))).isEqualTo("VOID_COPY");

		String newCode = printedAt("PIV", id);
		assertThat(newCode).isNotEqualTo(oldCode);
		// The next batch does not print it a third time.
		assertThat(codesIn(runBatch("PIV"), id)).isEmpty();
		assertThat(outcome(scan(newCode, POSTROOM_PIV))).isEqualTo("DELIVERED");
		assertThat(statusOf(id)).isEqualTo("DELIVERED");
		assertThat(jdbc.sql("SELECT type FROM audit_event WHERE subject = ? ORDER BY seq")
			.param("prisoner:" + prisoner)
			.query(String.class)
			.list()).containsExactly("PRISONER_TRANSFERRED");
		assertThat(count(
				"SELECT COUNT(*) FROM audit_event WHERE type = 'LETTER_FORWARDED' AND detail LIKE '%" + id + "%'"))
			.isEqualTo(1);
	}

	@Test
	void anApprovedMessageNotPrintedYetFollowsATransfer() throws Exception {
		UUID id = approvedMessage();
		transfer("PIV", "C", "C-2.02").andExpect(status().isOk());
		assertThat(codesIn(runBatch("PIA"), id)).isEmpty();
		String code = printedAt("PIV", id);
		assertThat(outcome(scan(code, POSTROOM_PIV))).isEqualTo("DELIVERED");
	}

	@Test
	void aReleasedPrisonersPrintedLetterIsReturned() throws Exception {
		UUID id = approvedMessage();
		String code = printedAt("PIA", id);
		release().andExpect(status().isOk()).andExpect(jsonPath("$.status").value("RELEASED"));

		assertThat(outcome(scan(code, POSTROOM))).isEqualTo("RETURN");
		assertThat(statusOf(id)).isEqualTo("RETURNED");
		assertThat(outcome(scan(code, POSTROOM))).isEqualTo("RETURN");
		assertThat(
				jdbc.sql("SELECT detail_code FROM message_status_change WHERE message_id = ? AND status = 'RETURNED'")
					.param(id.toString())
					.query(String.class)
					.list())
			.containsExactly("history.returned.released");
		assertThat(count(
				"SELECT COUNT(*) FROM audit_event WHERE subject = 'message:" + id + "' AND type = 'MESSAGE_RETURNED'"))
			.isEqualTo(1);
	}

	@Test
	void anApprovedMessageNotPrintedYetIsReturnedWhenThePrisonerIsReleased() throws Exception {
		UUID id = approvedMessage();
		release().andExpect(status().isOk());
		assertThat(statusOf(id)).isEqualTo("RETURNED");
		assertThat(codesIn(runBatch("PIA"), id)).isEmpty();
		String history = mvc.perform(get("/api/v1/messages/" + id).with(relative))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<String> states = JsonPath.read(history, "$.events[*].status");
		assertThat(states).containsExactly("RECEIVED", "SCREENING", "APPROVED", "RETURNED");
	}

	@Test
	void aLetterNotHandedOverInTwoDaysIsOverdueInTheApiThePageAndTheGauge() throws Exception {
		UUID id = approvedMessage();
		String batch = runBatch("PIA");
		String code = codesIn(batch, id).get(0);
		double before = overdueGauge("PIA");
		// Printed three days ago, as far as the postroom can tell.
		jdbc.sql("UPDATE batch SET printed_at = ? WHERE id = ?")
			.params(java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).minusDays(3),
					((Number) JsonPath.read(batch, "$.id")).longValue())
			.update();

		String overdue = mvc.perform(get("/api/v1/facilities/PIA/overdue").with(POSTROOM))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.facility").value("PIA"))
			.andExpect(jsonPath("$.overdueAfter").value("PT48H"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<String> listed = JsonPath.read(overdue, "$.letters[?(@.message == '" + id + "')].code");
		assertThat(listed).containsExactly(code);
		assertThat(overdueGauge("PIA")).isEqualTo(before + 1);
		mvc.perform(get("/postroom").with(user(staffUser())))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("overdue")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString(code)));

		assertThat(outcome(scan(code, POSTROOM))).isEqualTo("DELIVERED");
		String after = mvc.perform(get("/api/v1/facilities/PIA/overdue").with(POSTROOM))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat((List<?>) JsonPath.read(after, "$.letters[?(@.message == '" + id + "')]")).isEmpty();
		assertThat(overdueGauge("PIA")).isEqualTo(before);
		mvc.perform(get("/api/v1/facilities/PIV/overdue").with(POSTROOM_PIV)).andExpect(status().isOk());
		mvc.perform(get("/api/v1/facilities/PIA/overdue").with(POSTROOM_PIV)).andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/facilities/NOPE/overdue").with(POSTROOM)).andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/facilities/PIA/overdue").with(relative)).andExpect(status().isForbidden());
	}

	private double overdueGauge(String facility) {
		return meters.get("postbrug.letters.overdue").tag("facility", facility).gauge().value();
	}

	private static nl.postbrug.registry.PostbrugUser staffUser() {
		return nl.postbrug.registry.PostbrugUser.staff("postroom", "n/a",
				java.util.Set.of(nl.postbrug.registry.Role.POSTROOM), true, java.util.Set.of(), true);
	}

	@Test
	void aBatchScannedAt200DpiAndUploadedRecordsEveryLetterOnce() throws Exception {
		List<UUID> ids = new java.util.ArrayList<>();
		for (int i = 0; i < 6; i++) {
			ids.add(approvedMessage());
		}
		String batch = runBatch("PIA");
		byte[] pdf = mvc.perform(get("/api/v1/batches/" + JsonPath.read(batch, "$.id") + "/pdf").with(POSTROOM))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		byte[] scanned = scannedAt200Dpi(pdf);
		List<String> codes = ids.stream().map(id -> codesIn(batch, id).get(0)).toList();
		long scansBefore = count("SELECT COUNT(*) FROM delivery_scan");

		String report = mvc
			.perform(multipart("/api/v1/scans/bulk")
				.file(new org.springframework.mock.web.MockMultipartFile("file", "scan.pdf", "application/pdf",
						scanned))
				.with(POSTROOM))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		int pages = JsonPath.read(report, "$.pages");
		assertThat(pages).isBetween(7, 20);
		for (String code : codes) {
			List<String> outcomes = JsonPath.read(report, "$.results[?(@.code == '" + code + "')].outcome");
			assertThat(outcomes).containsExactly("DELIVERED");
			assertThat(count("SELECT COUNT(*) FROM delivery_scan WHERE code = '" + code + "'")).isEqualTo(1);
		}
		List<String> all = JsonPath.read(report, "$.results[*].code");
		assertThat(count("SELECT COUNT(*) FROM delivery_scan")).isEqualTo(scansBefore + all.size());
		for (UUID id : ids) {
			assertThat(statusOf(id)).isEqualTo("DELIVERED");
		}

		// The same file again: handed over before, and nothing is recorded twice as
		// delivered.
		String again = mvc
			.perform(multipart("/api/v1/scans/bulk")
				.file(new org.springframework.mock.web.MockMultipartFile("file", "scan.pdf", "application/pdf",
						scanned))
				.with(POSTROOM))
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<String> second = JsonPath.read(again, "$.results[?(@.code == '" + codes.get(0) + "')].outcome");
		assertThat(second).containsExactly("ALREADY_DELIVERED");
	}

	@Test
	void aHostileUploadIsRefusedAndRecordsNothing() throws Exception {
		long scansBefore = count("SELECT COUNT(*) FROM delivery_scan");
		mvc.perform(multipart("/api/v1/scans/bulk")
			.file(new org.springframework.mock.web.MockMultipartFile("file", "x.pdf", "application/pdf",
					"MZ not a pdf".getBytes()))
			.with(POSTROOM))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.code").value("scan.not-a-scan"))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("Er is niets vastgelegd.")));
		byte[] manyPages;
		try (org.apache.pdfbox.pdmodel.PDDocument doc = new org.apache.pdfbox.pdmodel.PDDocument()) {
			for (int i = 0; i < 60; i++) {
				doc.addPage(new org.apache.pdfbox.pdmodel.PDPage());
			}
			java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
			doc.save(out);
			manyPages = out.toByteArray();
		}
		mvc.perform(multipart("/api/v1/scans/bulk")
			.file(new org.springframework.mock.web.MockMultipartFile("file", "many.pdf", "application/pdf", manyPages))
			.with(POSTROOM))
			.andExpect(status().isContentTooLarge())
			.andExpect(jsonPath("$.code").value("scan.too-many-pages"));
		mvc.perform(multipart("/api/v1/scans/bulk").with(POSTROOM)).andExpect(status().isBadRequest());
		mvc.perform(multipart("/api/v1/scans/bulk")
			.file(new org.springframework.mock.web.MockMultipartFile("file", "x.pdf", "application/pdf", manyPages))
			.with(ADMIN)).andExpect(status().isForbidden());
		assertThat(count("SELECT COUNT(*) FROM delivery_scan")).isEqualTo(scansBefore);
	}

	/**
	 * Every page rendered at 200 dpi in grey and put back as a JPEG page, as a scanner
	 * makes it.
	 */
	private static byte[] scannedAt200Dpi(byte[] pdf) throws Exception {
		try (org.apache.pdfbox.pdmodel.PDDocument original = org.apache.pdfbox.Loader.loadPDF(pdf);
				org.apache.pdfbox.pdmodel.PDDocument scan = new org.apache.pdfbox.pdmodel.PDDocument()) {
			org.apache.pdfbox.rendering.PDFRenderer renderer = new org.apache.pdfbox.rendering.PDFRenderer(original);
			for (int i = 0; i < original.getNumberOfPages(); i++) {
				java.awt.image.BufferedImage image = renderer.renderImageWithDPI(i, 200,
						org.apache.pdfbox.rendering.ImageType.GRAY);
				org.apache.pdfbox.pdmodel.common.PDRectangle box = original.getPage(i).getMediaBox();
				org.apache.pdfbox.pdmodel.PDPage page = new org.apache.pdfbox.pdmodel.PDPage(box);
				scan.addPage(page);
				var jpeg = org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory.createFromImage(scan, image, 0.85f);
				try (var content = new org.apache.pdfbox.pdmodel.PDPageContentStream(scan, page)) {
					content.drawImage(jpeg, 0, 0, box.getWidth(), box.getHeight());
				}
			}
			java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
			scan.save(out);
			return out.toByteArray();
		}
	}

	@Test
	void aReturnNeedsAReturnReasonAndAStateThatCanEndSo() throws Exception {
		UUID id = approvedMessage();
		assertThatThrownBy(() -> messages.markReturned(id, "test", IntakeReason.DELIVERED.with("PB-1")))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> messages.markReturned(id, "test", null)).isInstanceOf(IllegalArgumentException.class);
		assertThat(statusOf(id)).isEqualTo("APPROVED");
		messages.markReturned(id, "test", IntakeReason.RETURNED_RELEASED.with());
		assertThat(statusOf(id)).isEqualTo("RETURNED");
		assertThatThrownBy(() -> messages.markReturned(id, "test", IntakeReason.RETURNED_RELEASED.with()))
			.isInstanceOf(IllegalTransition.class);
	}

	@Test
	void movesAreRefusedWithAProblemWhenTheyMakeNoSense() throws Exception {
		transfer("PIX", "A", "A-1").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("PIX")));
		transfer("PIV", "Q", "A-1").andExpect(status().isBadRequest());
		transfer("PIV", "A", " ").andExpect(status().isBadRequest());
		mvc.perform(post("/api/v1/prisoners/" + prisoner + "/transfer").with(ADMIN)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{nonsense")).andExpect(status().isBadRequest());
		mvc.perform(post("/api/v1/prisoners/0000000/release").with(ADMIN)).andExpect(status().isNotFound());
		mvc.perform(post("/api/v1/prisoners/" + prisoner + "/release").with(POSTROOM))
			.andExpect(status().isForbidden());
		release().andExpect(status().isOk());
		release().andExpect(status().isConflict());
		transfer("PIV", "A", "A-1").andExpect(status().isConflict());
		assertThat(jdbc.sql("SELECT type FROM audit_event WHERE subject = ? ORDER BY seq")
			.param("prisoner:" + prisoner)
			.query(String.class)
			.list()).containsExactly("PRISONER_RELEASED");
	}

	private UUID approvedMessage() throws Exception {
		String sent = mvc
			.perform(multipart("/api/v1/messages").param("prisoner", prisoner)
				.param("text", "Hoi, alles goed hier. Tot snel!")
				.with(relative))
			.andExpect(status().isAccepted())
			.andReturn()
			.getResponse()
			.getContentAsString();
		UUID id = UUID.fromString(JsonPath.read(sent, "$.id"));
		await().until(() -> statusOf(id).equals("APPROVED"));
		return id;
	}

	@Override
	protected String statusOf(UUID id) {
		return jdbc.sql("SELECT status FROM message WHERE id = ?").param(id.toString()).query(String.class).single();
	}

	/** Runs a batch at the facility; the message's code in it. */
	private String printedAt(String facility, UUID id) throws Exception {
		List<String> codes = codesIn(runBatch(facility), id);
		assertThat(codes).hasSize(1);
		return codes.get(0);
	}

	private String runBatch(String facility) throws Exception {
		String batch = mvc.perform(post("/api/v1/facilities/" + facility + "/batches").with(POSTROOM))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat((String) JsonPath.read(batch, "$.status")).isEqualTo("PRINTED");
		return mvc.perform(get("/api/v1/batches/" + JsonPath.read(batch, "$.id")).with(POSTROOM))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private static List<String> codesIn(String batchDetail, UUID id) {
		return JsonPath.read(batchDetail, "$.items[?(@.message == '" + id + "')].code");
	}

	private String scan(String code, RequestPostProcessor who) throws Exception {
		return mvc
			.perform(post("/api/v1/scans").with(who)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"code\":\"" + code + "\"}"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private static String outcome(String scan) {
		return JsonPath.read(scan, "$.outcome");
	}

	private org.springframework.test.web.servlet.ResultActions transfer(String facility, String unit, String cell)
			throws Exception {
		return mvc.perform(post("/api/v1/prisoners/" + prisoner + "/transfer").with(ADMIN)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"facility\":\"" + facility + "\",\"unit\":\"" + unit + "\",\"cell\":\"" + cell + "\"}"));
	}

	private org.springframework.test.web.servlet.ResultActions release() throws Exception {
		return mvc.perform(post("/api/v1/prisoners/" + prisoner + "/release").with(ADMIN));
	}

}
