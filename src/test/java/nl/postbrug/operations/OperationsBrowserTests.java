package nl.postbrug.operations;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import nl.postbrug.support.Browser;
import nl.postbrug.support.DataDirs;
import nl.postbrug.support.RequiresBrowser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operations page in headless Chromium with 30 days of post for PI Amsterdam: the
 * funnel, the backlog, an overdue letter and the chart drawn as SVG by the application,
 * WCAG 2.1 AA by axe-core; the screenshot is kept as
 * {@code target/screenshots/operations.png}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@RequiresBrowser
class OperationsBrowserTests {

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) {
		String dir = DataDirs.fresh("operations-browser");
		String rules = DataDirs.sampleRulesWithoutDailyLimits(dir);
		registry.add("postbrug.data-dir", () -> dir);
		registry.add("postbrug.screening.rules-dir", () -> rules);
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private Browser browser;

	@BeforeEach
	void startBrowser() {
		browser = Browser.start("http://localhost:" + port);
	}

	@AfterEach
	void closeBrowser() {
		if (browser != null) {
			browser.close();
		}
	}

	@Test
	void anAdministratorSeesTheDayAndThirtyDaysOfPostDrawnByTheApplication() throws Exception {
		thirtyDaysOfPost();
		browser.open("/login");
		browser.find("#username").sendKeys("admin");
		browser.find("#password").sendKeys("demo");
		browser.find("main form button[type=submit]").click();
		browser.await(d -> !browser.path().equals("/login"));
		browser.open("/operations").awaitLoaded().assertAccessible();

		// in the browser's language (Dutch unless it asks for English)
		boolean dutch = "nl".equals(browser.find("html").getDomAttribute("lang"));
		assertThat(browser.find("h1").getText()).isEqualTo(dutch ? "Vandaag" : "Today");
		String pia = browser.find("section.operations").getText();
		assertThat(pia).contains("PIA · PI Amsterdam Noord");
		assertThat(pia).contains(dutch ? List.of("ontvangen", "uitgereikt", "Te beoordelen", "het oudste wacht")
				: List.of("received", "delivered", "Waiting for review", "the oldest has waited"));
		Object bars = browser.script("return document.querySelectorAll('section.operations')[0]"
				+ ".querySelectorAll('svg rect.bar').length");
		assertThat(((Number) bars).intValue()).isEqualTo(30);
		Object tallest = browser
			.script("return Math.max(...Array.from(document.querySelectorAll('section.operations')[0]"
					+ ".querySelectorAll('svg rect.bar')).map(r => r.getBBox().height))");
		assertThat(((Number) tallest).doubleValue()).isGreaterThan(100);
		assertThat(browser.script("return document.scripts.length")).isEqualTo(0L);

		Path png = browser.screenshot("operations");
		assertThat(Files.readAllBytes(png)).startsWith(0x89, 'P', 'N', 'G');
		assertThat(Files.size(png)).isGreaterThan(10_000);
	}

	/**
	 * PI Amsterdam: each of the last 30 days some messages received, most approved,
	 * printed and delivered; today a few in review and one letter printed four days ago
	 * that was never handed over.
	 */
	private void thirtyDaysOfPost() {
		List<Long> prisoners = jdbc.sql(
				"SELECT p.id FROM prisoner p JOIN facility f ON f.id = p.facility_id WHERE f.code = 'PIA' ORDER BY p.id")
			.query(Long.class)
			.list();
		long facility = jdbc.sql("SELECT id FROM facility WHERE code = 'PIA'").query(Long.class).single();
		Instant now = Instant.now();
		for (int day = 29; day >= 0; day--) {
			int count = 4 + (day * 7) % 9;
			for (int i = 0; i < count; i++) {
				Instant received = now.minus(Duration.ofDays(day)).minus(Duration.ofMinutes(30 + i));
				String state = day == 0 && i < 3 ? "IN_REVIEW" : (i % 4 == 3 ? "PRINTED" : "DELIVERED");
				if (day == 4 && i == 3) {
					state = "PRINTED";
				}
				else if (i % 4 == 3) {
					state = "APPROVED";
				}
				message(prisoners.get(i % prisoners.size()), facility, received, state);
			}
		}
	}

	private void message(long prisoner, long facility, Instant received, String state) {
		String id = UUID.randomUUID().toString();
		Timestamp at = Timestamp.from(received);
		jdbc.sql(
				"""
						INSERT INTO message (id, channel, sender_email, sender_name, prisoner_id, facility_id, body, status,
						received_at, updated_at, version) VALUES (?, 'WEB', 'anna@example.org', 'Anna', ?, ?, 'Lieve Jan', ?, ?, ?, 0)
						""")
			.params(id, prisoner, facility, state, at, at)
			.update();
		List<String> path = switch (state) {
			case "IN_REVIEW" -> List.of("IN_REVIEW");
			case "APPROVED" -> List.of("APPROVED");
			case "PRINTED" -> List.of("APPROVED", "PRINTED");
			default -> List.of("APPROVED", "PRINTED", "DELIVERED");
		};
		for (int step = 0; step < path.size(); step++) {
			String status = path.get(step);
			jdbc.sql("INSERT INTO message_status_change (message_id, at, status, detail_code) VALUES (?, ?, ?, ?)")
				.params(id, Timestamp.from(received.plus(Duration.ofMinutes(10L * (step + 1)))), status,
						"history." + status.toLowerCase().replace('_', '-'))
				.update();
		}
	}

}
