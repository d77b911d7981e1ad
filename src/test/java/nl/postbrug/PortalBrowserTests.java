package nl.postbrug;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import nl.postbrug.batches.BatchView;
import nl.postbrug.batches.Batches;
import nl.postbrug.intake.MessageStatus;
import nl.postbrug.intake.Messages;
import nl.postbrug.registry.PostbrugUser;
import nl.postbrug.registry.Registry;
import nl.postbrug.registry.Role;
import nl.postbrug.screening.Review;
import nl.postbrug.support.Browser;
import nl.postbrug.support.DataDirs;
import nl.postbrug.support.RequiresBrowser;
import nl.postbrug.support.FreePort;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A new relative's whole way in, in headless Chromium against the running application and
 * a real SMTP server (GreenMail): register, read the code from the mail, confirm, sign
 * in, ask to write to a prisoner, an administrator approves on the staff page, the
 * relative chooses a mail at every step on the account page, writes with a photo (the
 * draft survives a reload), previews the letter and sends it; the batch runs, the
 * relative sees the letter printed, the postroom scans its code on the scan page, and the
 * relative sees it delivered and has had a mail at each step. Every page is checked for
 * WCAG 2.1 AA with axe-core and photographed under
 * {@code target/screenshots/portal-*.png}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@RequiresBrowser
class PortalBrowserTests {

	private static final int SMTP_PORT = FreePort.onLoopback();

	private static final String EMAIL = "lotte@family.example";

	private static final String PASSWORD = "tulpen in de vensterbank";

	@RegisterExtension
	static final GreenMailExtension smtp = new GreenMailExtension(
			new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
		.withPerMethodLifecycle(false);

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		String dir = DataDirs.fresh("portal-browser");
		String rules = DataDirs.sampleRulesWithoutDailyLimits(dir);
		registry.add("postbrug.data-dir", () -> dir);
		registry.add("postbrug.screening.rules-dir", () -> rules);
		registry.add("postbrug.notify.from", () -> "postbrug@postbrug.example.org");
		registry.add("postbrug.notify.smtp.host", () -> "127.0.0.1");
		registry.add("postbrug.notify.smtp.port", () -> SMTP_PORT);
	}

	@LocalServerPort
	int port;

	@Autowired
	Messages messages;

	@Autowired
	Registry registry;

	@Autowired
	Batches batches;

	@Autowired
	Review review;

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

	private void page(String name) {
		browser.awaitLoaded().assertAccessible().screenshot("portal-" + name);
		assertThat(browser.script("return document.documentElement.lang")).isEqualTo("nl");
	}

	private void signIn(String username, String password) {
		browser.open("/login");
		browser.find("#username").sendKeys(username);
		browser.find("#password").sendKeys(password);
		browser.find("main form button[type=submit]").click();
		// Wait for the redirect after signing in to land, so that it cannot overtake the
		// next page the test opens.
		browser.await(d -> !browser.path().startsWith("/login"));
		browser.awaitLoaded();
	}

	private void signOut() {
		browser.find(".signout button").click();
		browser.await(d -> browser.path().startsWith("/login"));
	}

	@Test
	void aNewRelativeRegistersIsApprovedPreviewsAndSends() throws Exception {
		// Chromium asks for English; the switch makes the portal Dutch and keeps it so.
		browser.open("/register?lang=nl");
		page("register");
		browser.find("#name").sendKeys("Lotte Jansen");
		browser.find("#email").sendKeys(EMAIL);
		browser.find("#password").sendKeys("wachtwoord123");
		browser.find("main form button[type=submit]").click();
		page("register-refused");
		// What was typed stays, the error is at its field and summarised above.
		assertThat(browser.find("#email").getDomProperty("value")).isEqualTo(EMAIL);
		assertThat(browser.find("#password-error").getText()).contains("te vaak gebruikt");
		assertThat(browser.find(".error-summary a").getDomAttribute("href")).isEqualTo("#password");
		browser.find("#password").sendKeys(PASSWORD);
		browser.find("main form button[type=submit]").click();
		browser.await(d -> browser.path().startsWith("/register/verify"));
		page("verify");

		await().until(() -> smtp.getReceivedMessagesForDomain("family.example").length > 0);
		MimeMessage mail = smtp.getReceivedMessagesForDomain("family.example")[0];
		Matcher code = Pattern.compile("\\b(\\d{6})\\b").matcher(GreenMailUtil.getBody(mail));
		assertThat(code.find()).isTrue();
		String verificationCode = code.group(1);
		assertThat(browser.find("#email").getDomProperty("value")).isEqualTo(EMAIL);
		browser.find("#code").sendKeys(code.group(1));
		browser.find("main form button[type=submit]").click();
		browser.await(d -> browser.path().startsWith("/login"));
		page("verified");
		assertThat(browser.find(".flash.ok").getText()).contains("bevestigd");

		signIn(EMAIL, PASSWORD);
		browser.await(d -> browser.path().equals("/messages"));
		page("messages-empty");
		browser.open("/approvals");
		page("approvals");
		browser.find("#prisoner").sendKeys("1000000004");
		browser.find("#relationship").sendKeys("zus");
		browser.find("#note").sendKeys("Ik ben zijn jongste zus.");
		browser.find("main form button[type=submit]").click();
		browser.await(d -> browser.path().equals("/approvals"));
		page("approvals-asked");
		assertThat(browser.find("table.list").getText()).contains("1000000004", "In behandeling");
		signOut();

		signIn("admin", "demo");
		browser.open("/staff/approvals");
		page("staff-approvals");
		assertThat(browser.find("main").getText())
			.contains("Lotte Jansen wil schrijven aan Mehmet Yılmaz (1000000004)");
		browser.find("main form button[type=submit]").click();
		browser.await(d -> !d.findElements(org.openqa.selenium.By.cssSelector(".flash.ok")).isEmpty());
		page("staff-approved");
		browser.open("/staff/registry");
		page("staff-registry");
		assertThat(browser.find("main").getText()).contains("lotte@family.example", "Mehmet Yılmaz (1000000004)");
		browser.open("/staff/registry/prisoners/1000000004/move");
		page("staff-prisoner-move");
		assertThat(browser.find("h1").getText()).isEqualTo("Mehmet Yılmaz vrijlaten of overplaatsen");
		assertThat(browser.find("#waiting").getText()).contains("op een batch");
		signOut();

		signIn(EMAIL, PASSWORD);
		browser.open("/account");
		page("account");
		assertThat(browser.find("#statusMails").isSelected()).isFalse();
		browser.find("#statusMails").click();
		browser.find("form[action$='/account/status-mails'] button[type=submit]").click();
		browser.await(d -> !d.findElements(org.openqa.selenium.By.cssSelector(".flash.ok")).isEmpty());
		page("account-status-mails");
		assertThat(browser.find(".flash.ok").getText()).contains("voortaan een e-mail");
		// What was chosen stays chosen.
		assertThat(browser.find("#statusMails").isSelected()).isTrue();

		browser.open("/compose");
		page("compose");
		new Select(browser.find("#prisoner")).selectByValue("1000000004");
		browser.find("#text").sendKeys("Lieve Mehmet,\nTot zondag!");
		browser.await(d -> browser.find("#text-count").getText().startsWith("25 van"));
		// The draft survives a reload.
		browser.open("/compose");
		browser.await(d -> "Lieve Mehmet,\nTot zondag!".equals(browser.find("#text").getDomProperty("value")));
		browser.find("#photos").sendKeys(photo().toString());

		Object preview = ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				const form = document.getElementById('compose');
				fetch(document.getElementById('preview').formAction, { method: 'POST', body: new FormData(form) })
				  .then(r => r.arrayBuffer().then(b => done(r.status + ' ' + r.headers.get('Content-Type')
				    + ' ' + new TextDecoder('latin1').decode(new Uint8Array(b).slice(0, 5)))))
				  .catch(e => done('failed ' + e));
				""");
		assertThat(preview).isEqualTo("200 application/pdf %PDF-");

		browser.find("#send").click();
		browser.await(d -> browser.path().equals("/messages"));
		page("sent");
		assertThat(browser.find(".flash.ok").getText()).contains("verstuurd");
		assertThat(browser.find("article.message").getText()).contains("Mehmet Yılmaz (1000000004)");
		long contact = registry.contact(EMAIL).orElseThrow().id();
		var sent = messages.sentBy(contact, 10);
		assertThat(sent).hasSize(1);
		assertThat(sent.get(0).photoCount()).isEqualTo(1);
		assertThat(sent.get(0).status()).isNotEqualTo(MessageStatus.REJECTED);
		// Sent: the draft is gone.
		browser.open("/compose");
		assertThat(browser.find("#text").getDomProperty("value")).isEmpty();

		UUID id = sent.get(0).id();
		await().until(() -> messages.get(id).status() != MessageStatus.RECEIVED
				&& messages.get(id).status() != MessageStatus.SCREENING);
		if (messages.get(id).status() == MessageStatus.IN_REVIEW) {
			review.decide(PostbrugUser.staff("screener", "n/a", Set.of(Role.SCREENER), true, Set.of(), true), id,
					Review.Decision.APPROVE, null);
		}
		assertThat(messages.get(id).status()).isEqualTo(MessageStatus.APPROVED);
		BatchView batch = batches.runNow(registry.facility("PIA").orElseThrow(),
				PostbrugUser.staff("postroom", "n/a", Set.of(Role.POSTROOM), true, Set.of(), true));
		String copyCode = batches.items(batch.id())
			.stream()
			.filter(item -> item.message().equals(id))
			.findFirst()
			.orElseThrow()
			.code();
		browser.open("/messages");
		page("printed");
		assertThat(browser.find("article.message .status").getText()).isEqualTo("Afgedrukt");
		signOut();

		signIn("postroom", "demo");
		browser.open("/postroom/scan");
		page("scan");
		browser.await(d -> "code".equals(browser.script("return document.activeElement.id")));
		browser.driver().switchTo().activeElement().sendKeys(copyCode + Keys.ENTER);
		browser.await(d -> "DELIVERED"
			.equals(browser.script("const o = document.getElementById('outcome'); return o && o.dataset.outcome")));
		page("scanned");
		assertThat(browser.find("#outcome .prisoner").getText()).contains("Mehmet Yılmaz", "C-2.15");
		signOut();

		signIn(EMAIL, PASSWORD);
		browser.open("/messages");
		page("delivered");
		assertThat(browser.find("article.message .status").getText()).isEqualTo("Bezorgd");
		browser.find("article.message details summary").click();
		assertThat(browser.find("article.message ol.timeline").getText()).containsSubsequence("Ontvangen",
				"Goedgekeurd", "Afgedrukt", "Bezorgd");
		assertThat(messages.get(id).status()).isEqualTo(MessageStatus.DELIVERED);

		// A mail at every step, in Dutch (the page the choice was made on), the code only
		// in the body of the verification mail.
		String reference = id.toString().substring(0, 8);
		await().until(() -> subjects(reference).size() == 4);
		assertThat(subjects(reference)).containsExactlyInAnyOrder(
				"Postbrug: uw bericht is ontvangen (" + reference + ")",
				"Postbrug: uw bericht is goedgekeurd (" + reference + ")",
				"Postbrug: uw brief is afgedrukt (" + reference + ")",
				"Postbrug: uw brief is overhandigd (" + reference + ")");
		assertThat(mail.getSubject()).doesNotContain(verificationCode);
	}

	private java.util.List<String> subjects(String reference) throws Exception {
		java.util.List<String> subjects = new java.util.ArrayList<>();
		for (MimeMessage received : smtp.getReceivedMessagesForDomain("family.example")) {
			if (received.getSubject().contains(reference)) {
				subjects.add(received.getSubject());
			}
		}
		return subjects;
	}

	private static Path photo() throws IOException {
		BufferedImage image = new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setColor(new Color(70, 130, 180));
		g.fillRect(0, 0, 400, 300);
		g.setColor(Color.YELLOW);
		g.fillOval(150, 100, 100, 100);
		g.dispose();
		Path file = Files.createTempFile("postbrug-photo-", ".png");
		ImageIO.write(image, "png", file.toFile());
		return file;
	}

}
