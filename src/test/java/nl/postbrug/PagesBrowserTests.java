package nl.postbrug;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import nl.postbrug.batches.BatchView;
import nl.postbrug.batches.Batches;
import nl.postbrug.intake.MessageIntake;
import nl.postbrug.intake.MessageStatus;
import nl.postbrug.intake.Messages;
import nl.postbrug.intake.Receipt;
import nl.postbrug.registry.PostbrugUser;
import nl.postbrug.registry.Registry;
import nl.postbrug.registry.Role;
import nl.postbrug.support.Browser;
import nl.postbrug.support.DataDirs;
import nl.postbrug.support.RequiresBrowser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The pages in a real browser: headless Chromium (Selenium) shows the sign-in page, signs
 * in as postroom staff and scans a letter at the hand-over desk by typing its code and
 * Enter, as a USB scanner does. Every page visited is checked for WCAG 2.1 AA with
 * axe-core; screenshots are kept under {@code target/screenshots/} for a look.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@RequiresBrowser
class PagesBrowserTests {

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) {
		String dir = DataDirs.fresh("browser");
		String rules = DataDirs.sampleRulesWithoutDailyLimits(dir);
		registry.add("postbrug.data-dir", () -> dir);
		registry.add("postbrug.screening.rules-dir", () -> rules);
	}

	@LocalServerPort
	int port;

	@Autowired
	MessageIntake intake;

	@Autowired
	Messages messages;

	@Autowired
	Registry registry;

	@Autowired
	Batches batches;

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
	void signInPageRendersInChromium() throws Exception {
		browser.open("/login").assertAccessible();
		assertThat(browser.find("h1").getText()).isEqualTo("Sign in");
		assertThat(browser.find("main form").getDomAttribute("action")).isEqualTo("/login");
		assertThat(browser.find("main form").getDomAttribute("method")).isEqualTo("post");
		assertThat(browser.find("input[name=username]").isDisplayed()).isTrue();
		assertThat(browser.find("input[name=password]").getDomAttribute("type")).isEqualTo("password");
		assertThat(browser.find("main form input[type=hidden][name=_csrf]").getDomAttribute("value")).isNotBlank();
		// The field the user types into first has the focus.
		browser.await(d -> "username".equals(browser.script("return document.activeElement.id")));

		Path png = browser.screenshot("login");
		byte[] bytes = Files.readAllBytes(png);
		assertThat(bytes).startsWith(0x89, 'P', 'N', 'G');
		// A blank 1280x900 page compresses to a few hundred bytes; text, form and colours
		// take kilobytes.
		assertThat(bytes.length).isGreaterThan(5_000);
	}

	@Test
	void postroomSignsInAndScansALetterAtTheHandOverDesk() {
		Letter letter = printedLetterForJanDeVries();
		browser.open("/login");
		browser.find("#username").sendKeys("postroom");
		browser.find("#password").sendKeys("demo");
		browser.find("main form button[type=submit]").click();
		browser.await(d -> browser.path().equals("/postroom"));
		browser.awaitLoaded().assertAccessible();
		assertThat(browser.find("h1").getText()).isEqualTo("Batches");
		// The stylesheet is served to the signed-in page and allowed by the content
		// security policy.
		assertThat(browser.script("return getComputedStyle(document.querySelector('.site-header')).backgroundColor"))
			.isEqualTo("rgb(31, 78, 140)");

		browser.open("/postroom/scan").assertAccessible();
		browser.await(d -> "code".equals(browser.script("return document.activeElement.id")));
		browser.driver().switchTo().activeElement().sendKeys(letter.code() + Keys.ENTER);
		browser.await(d -> !d.findElements(By.cssSelector(".outcome-title")).isEmpty());
		browser.awaitLoaded();
		assertThat(browser.find(".outcome-title").getText()).isEqualTo("DELIVERED");
		assertThat(browser.find(".outcome .prisoner").getText()).contains("Jan de Vries", "B-2.01");
		// Ready for the next letter: the field is empty and has the focus again.
		// (autofocus lands a moment after the load event, so wait for it rather than
		// read it once)
		browser.await(d -> "code|"
			.equals(browser.script("return document.activeElement.id + '|' + document.activeElement.value")));
		browser.assertAccessible().screenshot("scan-delivered");
		assertThat(messages.get(letter.message()).status()).isEqualTo(MessageStatus.DELIVERED);
	}

	record Letter(UUID message, String code) {
	}

	@Test
	void theAuditorFiltersTheLogInTheLanguageOfTheBrowser() {
		browser.open("/login");
		browser.find("#username").sendKeys("auditor");
		browser.find("#password").sendKeys("demo");
		browser.find("main form button[type=submit]").click();
		browser.await(d -> browser.path().equals("/audit"));
		browser.awaitLoaded().assertAccessible();
		// headless Chromium asks for en-US: the English bundle answers
		assertThat(browser.find("html").getDomAttribute("lang")).isEqualTo("en");
		assertThat(browser.find(".outcome-title").getText()).isEqualTo("CHAIN INTACT");
		// every field has its label, every column its header
		assertThat(browser.script("return [...document.querySelectorAll('form.filters input')]"
				+ ".every(i => document.querySelector('label[for=' + i.id + ']'))"))
			.isEqualTo(true);
		assertThat(browser.driver().findElements(By.cssSelector("table.events thead th[scope=col]"))).hasSize(8);
		assertThat(browser.script("return getComputedStyle(document.querySelector('form.filters')).display"))
			.isEqualTo("flex");
		browser.find("#action").sendKeys("message_received");
		browser.find("form.filters button[type=submit]").click();
		browser.await(d -> "message_received".equals(browser.script(
				"return document.readyState === 'complete' && new URLSearchParams(location.search).get('action')")));
		List<String> actions = browser.driver()
			.findElements(By.cssSelector("table.events tbody tr td:nth-child(4)"))
			.stream()
			.map(cell -> cell.getText())
			.toList();
		assertThat(actions).isNotEmpty().containsOnly("MESSAGE_RECEIVED");
		browser.assertAccessible().screenshot("audit");
	}

	/**
	 * A message from Anna to Jan de Vries (PIA), approved by screening and printed in a
	 * batch.
	 */
	private Letter printedLetterForJanDeVries() {
		PostbrugUser anna = PostbrugUser.relative(registry.contact("anna@example.org").orElseThrow(), "n/a");
		Receipt receipt = intake.submit(anna, "1000000001", "Tot snel, Jan! " + DataDirs.uniqueWords(), List.of(),
				UUID.randomUUID().toString());
		await().atMost(Duration.ofSeconds(20))
			.until(() -> messages.get(receipt.id()).status() == MessageStatus.APPROVED);
		PostbrugUser postroom = PostbrugUser.staff("postroom", "n/a", Set.of(Role.POSTROOM), true, Set.of(), true);
		BatchView batch = batches.runNow(registry.facility("PIA").orElseThrow(), postroom);
		String code = batches.items(batch.id())
			.stream()
			.filter(item -> item.message().equals(receipt.id()))
			.findFirst()
			.orElseThrow()
			.code();
		return new Letter(receipt.id(), code);
	}

}
