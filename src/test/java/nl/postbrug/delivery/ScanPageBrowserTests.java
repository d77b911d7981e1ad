package nl.postbrug.delivery;

import java.awt.image.BufferedImage;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import nl.postbrug.batches.BatchView;
import nl.postbrug.batches.Batches;
import nl.postbrug.intake.MessageIntake;
import nl.postbrug.intake.MessageStatus;
import nl.postbrug.intake.Messages;
import nl.postbrug.intake.Receipt;
import nl.postbrug.letters.LetterPictures;
import nl.postbrug.registry.PostbrugUser;
import nl.postbrug.registry.Registry;
import nl.postbrug.registry.Role;
import nl.postbrug.support.Browser;
import nl.postbrug.support.DataDirs;
import nl.postbrug.support.RequiresBrowser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Keys;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The hand-over desk in headless Chromium, as a USB scanner uses it: five codes typed
 * into the focused field, each followed by Enter, each answer shown without a page load,
 * the field empty and focused again, and the round counted.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@RequiresBrowser
class ScanPageBrowserTests {

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) {
		String dir = DataDirs.fresh("scan-browser");
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
	void fiveScansInARowEachAnsweredWithoutAPageLoad() {
		List<String> codes = printedLettersForJanDeVries(3);
		browser.open("/login");
		browser.find("#username").sendKeys("postroom");
		browser.find("#password").sendKeys("demo");
		browser.find("main form button[type=submit]").click();
		browser.await(d -> browser.path().equals("/postroom"));
		browser.open("/postroom/scan").assertAccessible();
		// Survives only as long as the page is not loaded again.
		browser.script("window.sameDocument = 'yes'");

		List<String> typed = List.of(codes.get(0), codes.get(1), codes.get(2), codes.get(0), "PB-00000-00000-0");
		List<String> expected = List.of("DELIVERED", "DELIVERED", "DELIVERED", "ALREADY_DELIVERED", "UNKNOWN_CODE");
		List<String> seen = new ArrayList<>();
		for (int i = 0; i < typed.size(); i++) {
			browser.await(d -> "code|"
				.equals(browser.script("return document.activeElement.id + '|' + document.activeElement.value")));
			browser.driver().switchTo().activeElement().sendKeys(typed.get(i) + Keys.ENTER);
			String count = String.valueOf(i + 1);
			browser.await(d -> count.equals(browser.script("return document.getElementById('round').value")));
			seen.add((String) browser.script("return document.getElementById('outcome').dataset.outcome"));
			assertThat(browser.script("return window.sameDocument")).isEqualTo("yes");
			assertThat(browser.find("#outcome .outcome-code").getText()).contains(typed.get(i));
			if (i < 4) {
				assertThat(browser.find("#outcome .prisoner").getText()).contains("Jan de Vries", "B-2.01");
			}
		}
		assertThat(seen).isEqualTo(expected);
		assertThat(browser.find("#outcome").getDomAttribute("class")).contains("outcome-bad");
		assertThat(browser.find("#round-count").getText()).contains("5");
		// headless Chromium asks for English
		assertThat(browser.find("#outcome .outcome-title").getText()).isEqualTo("UNKNOWN CODE");
		browser.await(d -> "code|"
			.equals(browser.script("return document.activeElement.id + '|' + document.activeElement.value")));
		browser.assertAccessible().screenshot("scan-round");
		for (int i = 0; i < 3; i++) {
			assertThat(messages.get(messageOf(codes.get(i))).status()).isEqualTo(MessageStatus.DELIVERED);
		}
	}

	/**
	 * A phone held over a letter: Chromium's fake camera plays a video of the rendered
	 * letter. The camera button is there, the page logs no error, and the letter's code
	 * is recorded once, shown as a typed scan would be, though the letter stays in view.
	 */
	@Test
	void theCameraReadsALetterAndTheScanShowsLikeATypedOne(@TempDir Path dir) throws Exception {
		String code = printedLettersForJanDeVries(1).get(0);
		Path video = dir.resolve("letter.y4m");
		writeY4m(LetterPictures.page(code, 150), 2, video);
		browser.close();
		browser = Browser.start("http://localhost:" + port, "--use-fake-device-for-media-stream",
				"--use-fake-ui-for-media-stream", "--use-file-for-fake-video-capture=" + video);
		browser.open("/login");
		browser.find("#username").sendKeys("postroom");
		browser.find("#password").sendKeys("demo");
		browser.find("main form button[type=submit]").click();
		browser.await(d -> browser.path().equals("/postroom"));
		browser.open("/postroom/scan");
		assertThat(browser.find("#camera-toggle").isDisplayed()).isTrue();
		assertThat(browser.consoleErrors()).isEmpty();
		browser.script("window.sameDocument = 'yes'");

		browser.find("#camera-toggle").click();
		browser.await(d -> "1".equals(browser.script("return document.getElementById('round').value")));
		assertThat(browser.script("return document.getElementById('outcome').dataset.outcome")).isEqualTo("DELIVERED");
		assertThat(browser.find("#outcome .outcome-code").getText()).contains(code);
		assertThat(browser.find("#outcome .prisoner").getText()).contains("Jan de Vries");
		assertThat(browser.script("return window.sameDocument")).isEqualTo("yes");
		assertThat(messages.get(messageOf(code)).status()).isEqualTo(MessageStatus.DELIVERED);
		// the letter is still in front of the camera: a few more frames are read, none
		// recorded
		long framesRead = (Long) browser.script("return performance.getEntriesByType('resource')"
				+ ".filter(function (e) { return e.name.indexOf('/postroom/scan/decode') >= 0; }).length");
		browser.await(d -> (Long) browser.script("return performance.getEntriesByType('resource')"
				+ ".filter(function (e) { return e.name.indexOf('/postroom/scan/decode') >= 0; }).length") >= framesRead
						+ 2);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM delivery_scan WHERE code = ?").param(code).query(Long.class).single())
			.isEqualTo(1);
		browser.find("#camera-toggle").click();
		assertThat(browser.consoleErrors()).isEmpty();
		browser.assertAccessible().screenshot("scan-camera");
	}

	/**
	 * The picture as a YUV4MPEG2 video (4:2:0) of {@code frames} identical frames, the
	 * format Chromium's fake camera plays.
	 */
	private static void writeY4m(BufferedImage picture, int frames, Path file) throws IOException {
		int width = picture.getWidth() & ~1;
		int height = picture.getHeight() & ~1;
		byte[] luma = new byte[width * height];
		byte[] chroma = new byte[width * height / 4];
		java.util.Arrays.fill(chroma, (byte) 128);
		for (int y = 0; y < height; y++) {
			for (int x = 0; x < width; x++) {
				int rgb = picture.getRGB(x, y);
				int grey = (((rgb >> 16) & 0xff) * 299 + ((rgb >> 8) & 0xff) * 587 + (rgb & 0xff) * 114) / 1000;
				luma[y * width + x] = (byte) grey;
			}
		}
		try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
			out.write(("YUV4MPEG2 W" + width + " H" + height + " F5:1 Ip A1:1 C420jpeg\n")
				.getBytes(StandardCharsets.US_ASCII));
			for (int i = 0; i < frames; i++) {
				out.write("FRAME\n".getBytes(StandardCharsets.US_ASCII));
				out.write(luma);
				out.write(chroma);
				out.write(chroma);
			}
		}
	}

	private UUID messageOf(String code) {
		return batches.copy(code).orElseThrow().messageId();
	}

	/** Messages from Anna to Jan de Vries (PIA), approved and printed in one batch. */
	private List<String> printedLettersForJanDeVries(int count) {
		PostbrugUser anna = PostbrugUser.relative(registry.contact("anna@example.org").orElseThrow(), "n/a");
		List<UUID> ids = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			Receipt receipt = intake.submit(anna, "1000000001", "Tot snel, Jan! " + DataDirs.uniqueWords(), List.of(),
					UUID.randomUUID().toString());
			ids.add(receipt.id());
		}
		await().atMost(Duration.ofSeconds(30))
			.until(() -> ids.stream().allMatch(id -> messages.get(id).status() == MessageStatus.APPROVED));
		PostbrugUser postroom = PostbrugUser.staff("postroom", "n/a", Set.of(Role.POSTROOM), true, Set.of(), true);
		BatchView batch = batches.runNow(registry.facility("PIA").orElseThrow(), postroom);
		return ids.stream()
			.map(id -> batches.items(batch.id())
				.stream()
				.filter(item -> item.message().equals(id))
				.findFirst()
				.orElseThrow()
				.code())
			.toList();
	}

}
