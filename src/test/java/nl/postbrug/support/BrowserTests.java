package nl.postbrug.support;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The browser support itself, on pages made here: the accessibility check finds real WCAG
 * violations (so a page that passes it has been checked), and screenshots land under
 * {@code target/screenshots/}.
 */
@RequiresBrowser
class BrowserTests {

	private static Browser browser;

	@BeforeAll
	static void start() {
		browser = Browser.start("data:text/html;charset=utf-8,");
	}

	@AfterAll
	static void close() {
		if (browser != null) {
			browser.close();
		}
	}

	@Test
	void aPageWithAnImageWithoutTextAndAFieldWithoutLabelFailsTheAccessibilityCheck() {
		show("<html><head><title>Broken</title></head><body><main><h1>Broken</h1>"
				+ "<img src='data:image/gif;base64,R0lGODlhAQABAAAAACw='><input type='text'></main></body></html>");
		assertThatThrownBy(browser::assertAccessible).isInstanceOf(AssertionError.class)
			.hasMessageContaining("image-alt")
			.hasMessageContaining("label")
			.hasMessageContaining("html-has-lang");
	}

	@Test
	void aPageWithLanguageTitleLabelsAndAltTextPasses() {
		show("<!DOCTYPE html><html lang='nl'><head><title>Goed</title></head><body><main><h1>Goed</h1>"
				+ "<img src='data:image/gif;base64,R0lGODlhAQABAAAAACw=' alt='Een stip'>"
				+ "<label for='code'>Code</label><input id='code' type='text'></main></body></html>");
		browser.assertAccessible();
		assertThat(browser.find("h1").getText()).isEqualTo("Goed");
	}

	@Test
	void aScreenshotIsAPngUnderTargetScreenshots() throws Exception {
		show("<!DOCTYPE html><html lang='en'><head><title>Shot</title></head><body><h1>Shot</h1></body></html>");
		Path png = browser.screenshot("browser-support");
		assertThat(png).isEqualTo(Path.of("target", "screenshots", "browser-support.png"));
		assertThat(Files.readAllBytes(png)).startsWith(0x89, 'P', 'N', 'G');
	}

	private static void show(String html) {
		browser.open(URLEncoder.encode(html, StandardCharsets.UTF_8).replace("+", "%20"));
	}

}
