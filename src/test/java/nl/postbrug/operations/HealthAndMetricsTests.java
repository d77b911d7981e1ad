package nl.postbrug.operations;

import java.time.Duration;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.jayway.jsonpath.JsonPath;
import nl.postbrug.support.ApiTestSupport;
import nl.postbrug.support.IppEvePrinter;
import nl.postbrug.support.RequiresIppEvePrinter;
import nl.postbrug.support.FreePort;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code /actuator/health} against real peers: PI Amsterdam prints on an IPP Everywhere
 * printer (ippeveprinter), mail comes from a GreenMail IMAP server and goes out over its
 * SMTP server. Each part is reported; a stopped printer and a stopped mail server are
 * DOWN while liveness and readiness stay UP. {@code /actuator/prometheus} shows the
 * {@code postbrug_*} figures to a monitoring account only.
 */
@RequiresIppEvePrinter
class HealthAndMetricsTests extends ApiTestSupport {

	static final int SMTP_PORT = FreePort.onLoopback();

	static final int IMAP_PORT = FreePort.onLoopback();

	@RegisterExtension
	static final GreenMailExtension mail = new GreenMailExtension(
			new ServerSetup[] { new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
					new ServerSetup(IMAP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_IMAP) })
		.withConfiguration(GreenMailConfiguration.aConfig().withUser("post@postbrug.example.org", "post", "secret"))
		.withPerMethodLifecycle(true);

	static IppEvePrinter printer;

	@Autowired
	UserDetailsService users;

	@DynamicPropertySource
	static void peers(DynamicPropertyRegistry registry) {
		registry.add("postbrug.intake.imap.host", () -> "127.0.0.1");
		registry.add("postbrug.intake.imap.port", () -> IMAP_PORT);
		registry.add("postbrug.intake.imap.tls", () -> "false");
		registry.add("postbrug.intake.imap.user", () -> "post");
		registry.add("postbrug.intake.imap.password", () -> "secret");
		registry.add("postbrug.intake.imap.poll-interval", () -> "300ms");
		registry.add("postbrug.intake.imap.retry-min", () -> "200ms");
		registry.add("postbrug.intake.imap.retry-max", () -> "500ms");
		registry.add("postbrug.intake.imap.failures-until-down", () -> "1");
		registry.add("postbrug.intake.imap.timeout", () -> "3s");
		registry.add("postbrug.notify.smtp.host", () -> "127.0.0.1");
		registry.add("postbrug.notify.smtp.port", () -> SMTP_PORT);
		registry.add("postbrug.notify.smtp.timeout", () -> "3s");
		registry.add("postbrug.batches.printer-check-interval", () -> "0s");
		registry.add("postbrug.operations.metrics-refresh", () -> "200ms");
		registry.add("postbrug.batches.ipp.connect-timeout", () -> "2s");
	}

	@BeforeAll
	static void switchOn() {
		printer = IppEvePrinter.open("postbrug-health");
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
	void reportsEachPartAndAStoppedPrinterAndMailServerAsDownWhileTheProbesStayUp() throws Exception {
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			String health = health();
			assertThat(at(health, "$.status")).isEqualTo("UP");
			assertThat(at(health, "$.components.db.status")).isEqualTo("UP");
			assertThat(at(health, "$.components.smtp.status")).isEqualTo("UP");
			assertThat(at(health, "$.components.imapIntake.status")).isEqualTo("UP");
			assertThat(at(health, "$.components.startUp.status")).isEqualTo("UP");
			assertThat(at(health, "$.components.printers.components.PIA.status")).isEqualTo("UP");
			assertThat(at(health, "$.components.printers.components.PIV.status")).isEqualTo("UP");
		});
		assertThat(at(health(), "$.components.printers.components.PIA.details.printer"))
			.isEqualTo("IPP " + printer.uri());

		printer.stop();
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(
					() -> assertThat(at(health(), "$.components.printers.components.PIA.status")).isEqualTo("DOWN"));
		String printerOff = health();
		assertThat(at(printerOff, "$.status")).isEqualTo("DOWN");
		assertThat(at(printerOff, "$.components.printers.components.PIV.status")).isEqualTo("UP");
		assertThat((Boolean) JsonPath.read(printerOff, "$.components.printers.components.PIA.details.reachable"))
			.isFalse();

		mail.stop();
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			String mailOff = health();
			assertThat(at(mailOff, "$.components.imapIntake.status")).isEqualTo("DOWN");
			assertThat(at(mailOff, "$.components.smtp.status")).isEqualTo("DOWN");
		});
		mvc.perform(get("/actuator/health")).andExpect(status().isServiceUnavailable());
		mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
		mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk());

		printer.start();
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(
					() -> assertThat(at(health(), "$.components.printers.components.PIA.status")).isEqualTo("UP"));
	}

	@Test
	void prometheusShowsThePostbrugFiguresToMonitoringOnly() throws Exception {
		mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
		mvc.perform(get("/actuator/prometheus").with(SCREENER)).andExpect(status().isForbidden());
		jdbc.sql("DELETE FROM staff_role WHERE role = 'MONITORING'").update();
		jdbc.sql(
				"INSERT INTO staff_role (staff_user_id, role) SELECT id, 'MONITORING' FROM staff_user WHERE username = 'auditor'")
			.update();
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			String text = mvc.perform(get("/actuator/prometheus").with(httpBasic("auditor", "demo")))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(text).contains("postbrug_messages{facility=\"PIA\",state=\"APPROVED\"}",
					"postbrug_review_queue_size{facility=\"PIA\"}",
					"postbrug_review_queue_oldest_age_seconds{facility=\"PIA\"}",
					"postbrug_letters_overdue{facility=\"PIV\"}", "postbrug_batches_print_failed{facility=\"PIZ\"}",
					"postbrug_print_failures_total{facility=\"PIA\"}", "postbrug_batch_pages_sum{facility=\"PIA\"}",
					"postbrug_batch_assembly_seconds_count{facility=\"PIA\"}", "postbrug_imap_lag_seconds");
		});
		String withAdmin = mvc.perform(get("/actuator/prometheus").with(ADMIN))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(withAdmin).contains("postbrug_messages");
	}

	private String health() throws Exception {
		// details are for facility administrators signed in to the pages
		return mvc.perform(get("/actuator/health").with(user(users.loadUserByUsername("admin"))))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	/** The value at the path, or "(none)" while the path is not there. */
	private static String at(String json, String path) {
		try {
			return JsonPath.read(json, path).toString();
		}
		catch (com.jayway.jsonpath.PathNotFoundException ex) {
			return "(none)";
		}
	}

}
