package nl.postbrug.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven through its chromedriver (Selenium), for tests of the
 * pages as a person sees them: a fresh profile per browser, screenshots under
 * {@code target/screenshots/}, and an axe-core check that a page has no WCAG 2.1 A/AA
 * violation. Tests using it carry {@link RequiresBrowser}.
 */
public final class Browser implements AutoCloseable {

	/** The axe-core rule tags of WCAG 2.0 and 2.1, levels A and AA. */
	public static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private static final Duration PATIENCE = Duration.ofSeconds(20);

	private final String baseUrl;

	private final Path profile;

	private final ChromeDriver driver;

	private Browser(String baseUrl, Path profile, ChromeDriver driver) {
		this.baseUrl = baseUrl;
		this.profile = profile;
		this.driver = driver;
	}

	/** A new headless browser whose relative paths go to {@code baseUrl}. */
	public static Browser start(String baseUrl) {
		return start(baseUrl, new String[0]);
	}

	/**
	 * A new headless browser with more command-line switches, e.g. a fake camera; its
	 * console is kept for {@link #consoleErrors()}.
	 */
	public static Browser start(String baseUrl, String... switches) {
		Path profile;
		try {
			profile = Files.createTempDirectory("postbrug-chromium-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		ChromeOptions options = new ChromeOptions();
		// Both paths given, so Selenium never tries to download a browser or a driver.
		options.setBinary(Peers.tool("chromium").toFile());
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--window-size=1280,900", "--user-data-dir=" + profile);
		options.addArguments(switches);
		options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(Peers.tool("chromedriver").toFile())
			.usingAnyFreePort()
			.build();
		try {
			ChromeDriver driver = new ChromeDriver(service, options);
			driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60)).scriptTimeout(Duration.ofSeconds(60));
			return new Browser(baseUrl, profile, driver);
		}
		catch (RuntimeException ex) {
			deleteQuietly(profile);
			throw ex;
		}
	}

	/** What the page wrote to the console as an error (script errors included). */
	public List<String> consoleErrors() {
		return driver.manage()
			.logs()
			.get(org.openqa.selenium.logging.LogType.BROWSER)
			.getAll()
			.stream()
			.filter(entry -> entry.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
			.map(entry -> entry.getMessage())
			.toList();
	}

	public WebDriver driver() {
		return driver;
	}

	/** Opens a path of the application and waits until the page has loaded. */
	public Browser open(String path) {
		driver.get(baseUrl + path);
		return awaitLoaded();
	}

	/** Waits until the current document (after a click or a submit) has loaded. */
	public Browser awaitLoaded() {
		await(d -> "complete".equals(script("return document.readyState")));
		return this;
	}

	/** Waits until the condition holds, for at most 20 s. */
	public <T> T await(Function<WebDriver, T> condition) {
		return new WebDriverWait(driver, PATIENCE).until(condition);
	}

	public WebElement find(String css) {
		return driver.findElement(By.cssSelector(css));
	}

	public String path() {
		return (String) script("return location.pathname + location.search");
	}

	public Object script(String script, Object... arguments) {
		return ((JavascriptExecutor) driver).executeScript(script, arguments);
	}

	/**
	 * Saves a PNG of the window under {@code target/screenshots/} and answers its path.
	 */
	public Path screenshot(String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			Path file = SCREENSHOTS.resolve(name + ".png");
			Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Runs axe-core on the current page and fails, naming each rule, its help and the
	 * offending elements, when there is any WCAG 2.1 A or AA violation.
	 */
	public Browser assertAccessible() {
		Results results = new AxeBuilder().withTags(WCAG_21_AA).analyze(driver);
		if (results.isErrored()) {
			throw new AssertionError("axe-core could not check " + path() + ": " + results.getErrorMessage());
		}
		if (results.getPasses().isEmpty()) {
			// a page axe could not look into would otherwise pass unchecked
			throw new AssertionError("axe-core checked no rule on " + path());
		}
		List<Rule> violations = results.getViolations();
		if (!violations.isEmpty()) {
			throw new AssertionError("WCAG 2.1 AA violations on " + path() + ":\n"
					+ violations.stream()
						.map(rule -> "- " + rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + "\n"
								+ rule.getNodes()
									.stream()
									.map(node -> "    " + node.getTarget() + " " + node.getHtml())
									.collect(Collectors.joining("\n")))
						.collect(Collectors.joining("\n")));
		}
		return this;
	}

	@Override
	public void close() {
		try {
			driver.quit();
		}
		finally {
			deleteQuietly(profile);
		}
	}

	private static void deleteQuietly(Path dir) {
		try (Stream<Path> paths = Files.walk(dir)) {
			paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		}
		catch (IOException ex) {
			// a profile left in the temporary directory is harmless
		}
	}

}
