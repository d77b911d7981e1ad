package nl.postbrug;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import nl.postbrug.support.ApiTestSupport;
import nl.postbrug.support.IppEvePrinter;
import nl.postbrug.support.RequiresIppEvePrinter;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Batches printed on a real IPP Everywhere printer (ippeveprinter, which keeps every job
 * it gets): the batch arrives as it was written, a printer that is off leaves the batch
 * PRINT_FAILED until it is back, and then the batch arrives once; a batch is never sent
 * again when the printer has it.
 */
@RequiresIppEvePrinter
@TestPropertySource(properties = { "postbrug.batches.retry-interval=1s", "postbrug.batches.max-retry-interval=2s",
		"postbrug.batches.sweep-interval=1s", "postbrug.batches.job-poll-interval=300ms" })
class IppPrintingTests extends ApiTestSupport {

	static IppEvePrinter printer;

	@Autowired
	UserDetailsService users;

	@BeforeAll
	static void switchOn() {
		printer = IppEvePrinter.open("postbrug-pia");
	}

	@AfterAll
	static void switchOff() {
		if (printer != null) {
			printer.close();
		}
	}

	@BeforeEach
	void piaPrintsOnTheIppPrinter() {
		printer.start();
		jdbc.sql("UPDATE facility SET printer_type = 'IPP', printer_target = ? WHERE code = 'PIA'")
			.param(printer.uri())
			.update();
	}

	@Test
	void aBatchArrivesAtThePrinterByteForByte() throws Exception {
		approvedMessage("Lieve Jan, de printer doet het.");
		int batchId = runBatch();
		// Staff do not wait for the printer: the job is followed in the background until
		// printed.
		assertThat(statusOf(batchId)).isIn("PRINTING", "PRINTED");
		await().atMost(Duration.ofSeconds(60)).until(() -> statusOf(batchId).equals("PRINTED"));

		byte[] pdf = mvc.perform(get("/api/v1/batches/" + batchId + "/pdf").with(POSTROOM))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		List<Path> received = received(batchId);
		assertThat(received).hasSize(1);
		assertThat(Files.readAllBytes(received.get(0))).isEqualTo(pdf);
		String detail = detail(batchId);
		assertThat((String) JsonPath.read(detail, "$.printJob")).startsWith(printer.uri() + "/");
		assertThat((String) JsonPath.read(detail, "$.printJobState")).isEqualTo("COMPLETED");
	}

	@Test
	void withThePrinterOffTheBatchWaitsInPrintFailedAndArrivesOnceWhenThePrinterIsBack() throws Exception {
		printer.stop();
		approvedMessage("Lieve Jan, de printer staat uit.");
		int batchId = runBatch();
		String failed = detail(batchId);
		assertThat((String) JsonPath.read(failed, "$.status")).isEqualTo("PRINT_FAILED");
		assertThat((String) JsonPath.read(failed, "$.failure")).contains("unreachable");
		assertThat((String) JsonPath.read(failed, "$.nextRetryAt")).isNotNull();
		assertThat(mvc.perform(get("/postroom/batches/" + batchId).with(user(users.loadUserByUsername("postroom"))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString()).contains("Afdrukken mislukt", "Volgende poging", "Opnieuw afdrukken",
					"Als met de hand afgedrukt markeren");
		mvc.perform(get("/actuator/health")).andExpect(status().isServiceUnavailable());
		assertThat(received(batchId)).isEmpty();

		printer.start();
		await().atMost(Duration.ofSeconds(60)).until(() -> statusOf(batchId).equals("PRINTED"));
		assertThat(received(batchId)).hasSize(1);
		assertThat(count(
				"SELECT COUNT(*) FROM audit_event WHERE type = 'BATCH_PRINTED' AND subject = 'batch:" + batchId + "'"))
			.isEqualTo(1);
		assertThat(count("SELECT COUNT(*) FROM audit_event WHERE type = 'BATCH_PRINT_FAILED' AND subject = 'batch:"
				+ batchId + "'"))
			.isPositive();
		mvc.perform(get("/actuator/health")).andExpect(status().isOk());
	}

	@Test
	void aBatchThePrinterHasIsNotSentAgainWhetherItsJobIsKnownOrOnlyItsName() throws Exception {
		approvedMessage("Lieve Jan, een keer is genoeg.");
		int batchId = runBatch();
		await().atMost(Duration.ofSeconds(60)).until(() -> statusOf(batchId).equals("PRINTED"));

		// The process died after the printer took the job, before the batch was marked
		// printed.
		jdbc.sql("UPDATE batch SET status = 'PRINT_FAILED', next_retry_at = ? WHERE id = ?")
			.params(java.time.OffsetDateTime.now().plusDays(1), batchId)
			.update();
		mvc.perform(post("/api/v1/batches/" + batchId + "/print").with(POSTROOM)).andExpect(status().isOk());
		assertThat(statusOf(batchId)).isEqualTo("PRINTED");
		assertThat(received(batchId)).hasSize(1);

		// ... or even before the job's reference was recorded: the printer is asked by
		// the job's name.
		jdbc.sql("UPDATE batch SET status = 'PRINT_FAILED', print_job = NULL, next_retry_at = ? WHERE id = ?")
			.params(java.time.OffsetDateTime.now().plusDays(1), batchId)
			.update();
		mvc.perform(post("/api/v1/batches/" + batchId + "/print").with(POSTROOM)).andExpect(status().isOk());
		assertThat(statusOf(batchId)).isEqualTo("PRINTED");
		assertThat(received(batchId)).hasSize(1);
	}

	private UUID approvedMessage(String text) throws Exception {
		String sent = mvc
			.perform(multipart("/api/v1/messages").param("prisoner", "1000000001").param("text", text).with(ANNA))
			.andExpect(status().isAccepted())
			.andReturn()
			.getResponse()
			.getContentAsString();
		UUID id = UUID.fromString(JsonPath.read(sent, "$.id"));
		await().until(() -> statusOf(id).equals("APPROVED"));
		return id;
	}

	private int runBatch() throws Exception {
		String batch = mvc.perform(post("/api/v1/facilities/PIA/batches").with(POSTROOM))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return JsonPath.read(batch, "$.id");
	}

	private String detail(int batchId) throws Exception {
		return mvc.perform(get("/api/v1/batches/" + batchId).with(POSTROOM))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private String statusOf(int batchId) throws Exception {
		return JsonPath.read(detail(batchId), "$.status");
	}

	/**
	 * The jobs of this batch the printer received (it names spool files after the job
	 * name).
	 */
	private List<Path> received(int batchId) {
		String name = ("pia-batch-" + batchId + "-").toLowerCase(Locale.ROOT);
		return printer.received()
			.stream()
			.filter(file -> file.getFileName().toString().toLowerCase(Locale.ROOT).contains(name))
			.toList();
	}

}
