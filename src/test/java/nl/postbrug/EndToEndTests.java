package nl.postbrug;

import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import nl.postbrug.batches.BatchView;
import nl.postbrug.batches.Batches;
import nl.postbrug.letters.PrintedCodes;
import nl.postbrug.registry.Facility;
import nl.postbrug.support.ApiTestSupport;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class EndToEndTests extends ApiTestSupport {

	@Autowired
	Batches batches;

	@Autowired
	nl.postbrug.registry.Registry registry;

	@Test
	void aRelativesMessageTravelsFromTheApiToAHandOverScan() throws Exception {
		String sent = mvc
			.perform(multipart("/api/v1/messages").param("prisoner", "1000000001")
				.param("text", "Lieve Jan,\n\nDe kinderen maken het goed. Tot zondag!\n\nAnna")
				.with(ANNA))
			.andExpect(status().isAccepted())
			.andReturn()
			.getResponse()
			.getContentAsString();
		UUID id = UUID.fromString(JsonPath.read(sent, "$.id"));
		assertThat((String) JsonPath.read(sent, "$.status")).isEqualTo("RECEIVED");

		await().until(() -> statusOf(id).equals("APPROVED"));

		String batch = mvc.perform(post("/api/v1/facilities/PIA/batches").with(POSTROOM))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		int batchId = JsonPath.read(batch, "$.id");
		assertThat((String) JsonPath.read(batch, "$.status")).isEqualTo("PRINTED");
		assertThat((Integer) JsonPath.read(batch, "$.letters")).isPositive();

		String detail = mvc.perform(get("/api/v1/batches/" + batchId).with(POSTROOM))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<String> codes = JsonPath.read(detail, "$.items[?(@.message == '" + id + "')].code");
		assertThat(codes).hasSize(1);

		byte[] pdf = mvc.perform(get("/api/v1/batches/" + batchId + "/pdf").with(POSTROOM))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		List<String> decoded = PrintedCodes.decodeEachPage(pdf, 150);
		assertThat(decoded).doesNotContainNull().contains(codes.get(0));
		String scannedCode = decoded.stream().filter(codes.get(0)::equals).findFirst().orElseThrow();
		assertThat(statusOf(id)).isEqualTo("PRINTED");

		String scan = mvc
			.perform(post("/api/v1/scans").with(POSTROOM)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"code\":\"" + scannedCode + "\"}"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat((String) JsonPath.read(scan, "$.outcome")).isEqualTo("DELIVERED");
		assertThat((String) JsonPath.read(scan, "$.message")).isEqualTo(id.toString());
		assertThat((String) JsonPath.read(scan, "$.prisoner.number")).isEqualTo("1000000001");
		assertThat((String) JsonPath.read(scan, "$.prisoner.cell")).isNotBlank();

		String again = mvc
			.perform(post("/api/v1/scans").with(POSTROOM)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"code\":\"" + scannedCode + "\"}"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat((String) JsonPath.read(again, "$.outcome")).isEqualTo("ALREADY_DELIVERED");

		String message = mvc.perform(get("/api/v1/messages/" + id).with(ANNA))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat((String) JsonPath.read(message, "$.status")).isEqualTo("DELIVERED");
		List<String> history = JsonPath.read(message, "$.events[*].status");
		assertThat(history).containsExactly("RECEIVED", "SCREENING", "APPROVED", "PRINTED", "DELIVERED");

		List<String> audited = jdbc.sql("SELECT type FROM audit_event WHERE subject = ? ORDER BY seq")
			.param("message:" + id)
			.query(String.class)
			.list();
		assertThat(audited).containsExactly("MESSAGE_RECEIVED", "MESSAGE_SCREENING", "MESSAGE_APPROVED",
				"MESSAGE_PRINTED", "MESSAGE_DELIVERED");

		String verify = mvc.perform(get("/api/v1/audit/verify").with(AUDITOR))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat((Boolean) JsonPath.read(verify, "$.valid")).isTrue();
		assertThat(((Number) JsonPath.read(verify, "$.events")).longValue()).isGreaterThanOrEqualTo(5);
	}

	@Test
	void aReprintVoidsTheOldCopyAndTheNewCodeDelivers() throws Exception {
		UUID id = sendAndAwait("1000000002", "Hoi Mark, tot gauw.", "APPROVED");
		String batch = mvc.perform(post("/api/v1/facilities/PIV/batches").with(POSTROOM))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		int batchId = JsonPath.read(batch, "$.id");
		// PI Vught prints two-sided (samples/facilities.csv): the batch is padded so
		// every letter starts on a new sheet.
		assertThat((Integer) JsonPath.read(batch, "$.pages") % 2).isZero();
		String detail = mvc.perform(get("/api/v1/batches/" + batchId).with(POSTROOM))
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<Integer> letters = JsonPath.read(detail, "$.items[?(@.message == '" + id + "')].id");
		List<String> oldCodes = JsonPath.read(detail, "$.items[?(@.message == '" + id + "')].code");

		String reprint = mvc.perform(post("/api/v1/letters/" + letters.get(0) + "/reprint").with(POSTROOM))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String newCode = JsonPath.read(reprint, "$.code");
		assertThat(newCode).isNotEqualTo(oldCodes.get(0));

		String voided = scan(oldCodes.get(0));
		assertThat((String) JsonPath.read(voided, "$.outcome")).isEqualTo("VOID_COPY");
		assertThat(statusOf(id)).isEqualTo("PRINTED");
		String delivered = scan(newCode);
		assertThat((String) JsonPath.read(delivered, "$.outcome")).isEqualTo("DELIVERED");
		assertThat(statusOf(id)).isEqualTo("DELIVERED");
	}

	@Test
	void staffOfAnotherFacilityCannotDeliverALetter() throws Exception {
		UUID id = sendAndAwait("1000000001", "Dag Jan!", "APPROVED");
		int batchId = JsonPath.read(mvc.perform(post("/api/v1/facilities/PIA/batches").with(POSTROOM))
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.id");
		String detail = mvc.perform(get("/api/v1/batches/" + batchId).with(POSTROOM))
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<String> codes = JsonPath.read(detail, "$.items[?(@.message == '" + id + "')].code");

		String scan = mvc
			.perform(post("/api/v1/scans").with(POSTROOM_PIV)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"code\":\"" + codes.get(0) + "\"}"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat((String) JsonPath.read(scan, "$.outcome")).isEqualTo("WRONG_FACILITY");
		assertThat(statusOf(id)).isEqualTo("PRINTED");
	}

	private String scan(String code) throws Exception {
		return mvc
			.perform(post("/api/v1/scans").with(POSTROOM)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"code\":\"" + code + "\"}"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	@Test
	void aMessageApprovedAfterTheCutOffWaitsForTheNextBatch() throws Exception {
		UUID id = sendAndAwait("1000000001", "Na de sluiting.", "APPROVED");
		Facility pia = registry.facility("PIA").orElseThrow();
		Instant approved = Instant.now();
		Instant slot = approved.plusSeconds(3600).truncatedTo(ChronoUnit.SECONDS);

		BatchView early = batches.runScheduled(pia, slot, approved.minusSeconds(600), false);
		assertThat(batches.items(early.id())).extracting(BatchView.Item::message).doesNotContain(id);
		assertThat(statusOf(id)).isEqualTo("APPROVED");

		BatchView next = batches.runScheduled(pia, slot.plusSeconds(3600), slot.plusSeconds(3600), false);
		assertThat(batches.items(next.id())).extracting(BatchView.Item::message).contains(id);
		assertThat(statusOf(id)).isEqualTo("PRINTED");
		// The same slot again is the same batch.
		assertThat(batches.runScheduled(pia, slot.plusSeconds(3600), slot.plusSeconds(3600), false).id())
			.isEqualTo(next.id());
	}

	@Test
	void aBatchThePrinterRefusedWaitsAndCanBeMarkedPrintedByHand() throws Exception {
		UUID id = sendAndAwait("1000000001", "Hoi Jan, met de hand geprint.", "APPROVED");
		String printer = jdbc.sql("SELECT printer_type || ' ' || printer_target FROM facility WHERE code = 'PIA'")
			.query(String.class)
			.single();
		jdbc.sql(
				"UPDATE facility SET printer_type = 'HOT_FOLDER', printer_target = '/proc/postbrug-no-such-folder' WHERE code = 'PIA'")
			.update();
		try {
			String batch = mvc.perform(post("/api/v1/facilities/PIA/batches").with(POSTROOM))
				.andExpect(status().isCreated())
				.andReturn()
				.getResponse()
				.getContentAsString();
			int batchId = JsonPath.read(batch, "$.id");
			assertThat((String) JsonPath.read(batch, "$.status")).isEqualTo("PRINT_FAILED");
			String detail = mvc.perform(get("/api/v1/batches/" + batchId).with(POSTROOM))
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat((String) JsonPath.read(detail, "$.failure")).contains("/proc/postbrug-no-such-folder");
			assertThat((String) JsonPath.read(detail, "$.nextRetryAt")).isNotNull();
			assertThat(statusOf(id)).isEqualTo("APPROVED");

			// Staff print the downloaded PDF themselves.
			mvc.perform(get("/api/v1/batches/" + batchId + "/pdf").with(POSTROOM)).andExpect(status().isOk());
			String marked = mvc.perform(post("/api/v1/batches/" + batchId + "/printed-by-hand").with(POSTROOM))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat((String) JsonPath.read(marked, "$.status")).isEqualTo("PRINTED");
			assertThat((String) JsonPath.read(marked, "$.printedBy")).isEqualTo("by hand: postroom");
			assertThat(statusOf(id)).isEqualTo("PRINTED");
			mvc.perform(post("/api/v1/batches/" + batchId + "/print").with(POSTROOM)).andExpect(status().isConflict());
			mvc.perform(post("/api/v1/batches/" + batchId + "/printed-by-hand").with(POSTROOM))
				.andExpect(status().isConflict());
		}
		finally {
			jdbc.sql("UPDATE facility SET printer_type = ?, printer_target = ? WHERE code = 'PIA'")
				.params(printer.substring(0, printer.indexOf(' ')), printer.substring(printer.indexOf(' ') + 1))
				.update();
		}
	}

}
