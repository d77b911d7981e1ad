package nl.postbrug;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import nl.postbrug.batches.BatchView;
import nl.postbrug.batches.Batches;
import nl.postbrug.intake.MessageIntake;
import nl.postbrug.intake.MessageStatus;
import nl.postbrug.intake.Messages;
import nl.postbrug.intake.Receipt;
import nl.postbrug.registry.PostbrugUser;
import nl.postbrug.registry.Registry;
import nl.postbrug.registry.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The pages in a real browser: headless Chromium renders the sign-in page (screenshot and
 * DOM), then, driven over the DevTools protocol, signs in as postroom staff and scans a
 * letter at the hand-over desk. Screenshots are kept under {@code target/browser/} for a
 * look.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class PagesBrowserTests {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path DATA = temporaryDirectory("postbrug-browser-");

	private static final Path SHOTS = Path.of("target", "browser");

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) {
		registry.add("postbrug.data-dir", DATA::toString);
		registry.add("postbrug.screening.rules-dir",
				() -> nl.postbrug.support.DataDirs.sampleRulesWithoutDailyLimits(DATA.toString()));
	}

	// Per test rather than @BeforeAll: surefire reports a skipped class as zero tests,
	// hiding the reason.
	@BeforeEach
	void chromiumIsInstalled() {
		Assumptions.assumeTrue(Files.isExecutable(CHROMIUM),
				"Chromium not installed at /usr/bin/chromium: install chromium to run browser tests");
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

	private final List<Process> browsers = new ArrayList<>();

	private final List<Path> profiles = new ArrayList<>();

	@AfterEach
	void closeBrowsers() {
		for (Process browser : browsers) {
			browser.descendants().forEach(ProcessHandle::destroy);
			browser.destroy();
			try {
				if (!browser.waitFor(10, TimeUnit.SECONDS)) {
					browser.destroyForcibly();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		profiles.forEach(PagesBrowserTests::deleteQuietly);
	}

	@Test
	void signInPageRendersInChromium() throws Exception {
		Files.createDirectories(SHOTS);
		Path png = SHOTS.resolve("login.png");
		Files.deleteIfExists(png);
		// A loaded machine sometimes makes headless Chromium exit before it writes the
		// file; try again.
		for (int attempt = 1; attempt <= 3 && !Files.exists(png); attempt++) {
			Process screenshot = chromium("--screenshot=" + png.toAbsolutePath(), "--window-size=1280,900",
					url("/login"));
			assertThat(screenshot.waitFor(60, TimeUnit.SECONDS)).as("chromium finished the screenshot").isTrue();
		}
		assertThat(png).exists();
		byte[] bytes = Files.readAllBytes(png);
		assertThat(bytes).startsWith(0x89, 'P', 'N', 'G');
		// A blank 1280x900 page compresses to a few hundred bytes; text, form and colours
		// take kilobytes.
		assertThat(bytes.length).isGreaterThan(5_000);

		Process dump = chromium("--dump-dom", url("/login"));
		String dom = new String(dump.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(dump.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(dom).contains("<h1>Sign in</h1>", "name=\"username\"", "name=\"password\"", "name=\"_csrf\"",
				"action=\"/login\"");
	}

	@Test
	void postroomSignsInAndScansALetterAtTheHandOverDesk() throws Exception {
		String code = printedLetterForJanDeVries();
		try (DevTools page = DevTools.open(this, url("/login"))) {
			page.waitFor("location.pathname + '|' + document.readyState", "/login|complete");
			page.run("document.getElementById('username').value = 'postroom';"
					+ "document.getElementById('password').value = 'demo';"
					+ "document.querySelector('main form').submit();");
			page.waitFor("location.pathname + location.search + '|' + document.readyState", "/postroom|complete");
			assertThat(page.eval("document.querySelector('h1').textContent")).isEqualTo("Batches");
			// The stylesheet is served to the signed-in page and allowed by the content
			// security policy.
			assertThat(page.eval("getComputedStyle(document.querySelector('.site-header')).backgroundColor"))
				.isEqualTo("rgb(31, 78, 140)");

			page.navigate(url("/postroom/scan"));
			page.waitFor("location.pathname + '|' + document.readyState", "/postroom/scan|complete");
			page.waitFor("document.activeElement.id", "code");
			page.run("document.getElementById('code').value = '" + code + "';"
					+ "document.querySelector('form.scan-form').submit();");
			page.waitFor(
					"String(document.querySelector('.outcome-title') && document.querySelector('.outcome-title').textContent)",
					"DELIVERED");
			assertThat(page.eval("document.querySelector('.outcome .prisoner').textContent")).contains("Jan de Vries",
					"B-2.01");
			// Ready for the next letter: the field is empty and has the focus again.
			// (autofocus lands a moment after the load event, so wait for it rather than
			// read it once)
			page.waitFor("document.activeElement.id + '|' + document.activeElement.value", "code|");
			page.screenshot(SHOTS.resolve("scan-delivered.png"));
		}
	}

	@Test
	void theAuditorFiltersTheLogInTheLanguageOfTheBrowser() throws Exception {
		try (DevTools page = DevTools.open(this, url("/login"))) {
			page.waitFor("location.pathname + '|' + document.readyState", "/login|complete");
			page.run("document.getElementById('username').value = 'auditor';"
					+ "document.getElementById('password').value = 'demo';"
					+ "document.querySelector('main form').submit();");
			page.waitFor("location.pathname + '|' + document.readyState", "/audit|complete");
			// headless Chromium asks for en-US: the English bundle answers
			assertThat(page.eval("document.documentElement.lang")).isEqualTo("en");
			assertThat(page.eval("document.querySelector('.outcome-title').textContent")).isEqualTo("CHAIN INTACT");
			// every field has its label, every column its header
			assertThat(page.eval("[...document.querySelectorAll('form.filters input')]"
					+ ".every(i => document.querySelector('label[for=' + i.id + ']'))"))
				.isEqualTo("true");
			assertThat(page.eval("document.querySelectorAll('table.events thead th[scope=col]').length"))
				.isEqualTo("8");
			assertThat(page.eval("getComputedStyle(document.querySelector('form.filters')).display")).isEqualTo("flex");
			page.run("document.getElementById('action').value = 'message_received';"
					+ "document.querySelector('form.filters').submit();");
			page.waitFor("new URLSearchParams(location.search).get('action') + '|' + document.readyState",
					"message_received|complete");
			assertThat(page.eval("[...document.querySelectorAll('table.events tbody tr td:nth-child(4)')]"
					+ ".every(td => td.textContent === 'MESSAGE_RECEIVED')"))
				.isEqualTo("true");
			assertThat(page.eval("document.querySelectorAll('table.events tbody tr').length")).isNotEqualTo("0");
			page.screenshot(SHOTS.resolve("audit.png"));
		}
	}

	/**
	 * A message from Anna to Jan de Vries (PIA), approved by screening and printed in a
	 * batch.
	 */
	private String printedLetterForJanDeVries() {
		PostbrugUser anna = PostbrugUser.relative(registry.contact("anna@example.org").orElseThrow(), "n/a");
		Receipt receipt = intake.submit(anna, "1000000001",
				"Tot snel, Jan! " + nl.postbrug.support.DataDirs.uniqueWords(), List.of(),
				UUID.randomUUID().toString());
		await().atMost(Duration.ofSeconds(20))
			.until(() -> messages.get(receipt.id()).status() == MessageStatus.APPROVED);
		PostbrugUser postroom = PostbrugUser.staff("postroom", "n/a", Set.of(Role.POSTROOM), true, Set.of(), true);
		BatchView batch = batches.runNow(registry.facility("PIA").orElseThrow(), postroom);
		return batches.items(batch.id())
			.stream()
			.filter(item -> item.message().equals(receipt.id()))
			.findFirst()
			.orElseThrow()
			.code();
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

	Process chromium(String... arguments) throws IOException {
		Path profile = temporaryDirectory("postbrug-chromium-");
		profiles.add(profile);
		List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox",
				"--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
				"--disable-component-update", "--disable-sync", "--user-data-dir=" + profile));
		command.addAll(List.of(arguments));
		Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.PIPE).start();
		browsers.add(process);
		return process;
	}

	/**
	 * Just enough of the Chrome DevTools protocol to drive one page: navigate, evaluate
	 * JavaScript, take a screenshot. Replies are matched to commands by id; events are
	 * ignored.
	 */
	static final class DevTools implements WebSocket.Listener, AutoCloseable {

		private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");

		private static final Pattern REPLY_ID = Pattern.compile("^\\{\"id\":(\\d+)");

		private static final Pattern PAGE_SOCKET = Pattern
			.compile("\"type\":\\s*\"page\"[^}]*?\"webSocketDebuggerUrl\":\\s*\"(ws://[^\"]+)\"");

		private final Map<Integer, CompletableFuture<String>> replies = new ConcurrentHashMap<>();

		private final AtomicInteger ids = new AtomicInteger();

		private final StringBuilder partial = new StringBuilder();

		private WebSocket socket;

		static DevTools open(PagesBrowserTests test, String url) throws Exception {
			Process browser = test.chromium("--remote-debugging-port=0", "--window-size=1280,900", url);
			CompletableFuture<String> endpoint = new CompletableFuture<>();
			Thread reader = new Thread(() -> {
				try (BufferedReader err = new BufferedReader(
						new InputStreamReader(browser.getErrorStream(), StandardCharsets.UTF_8))) {
					for (String line = err.readLine(); line != null; line = err.readLine()) {
						Matcher listening = LISTENING.matcher(line);
						if (listening.find()) {
							endpoint.complete(listening.group(1));
						}
					}
				}
				catch (IOException ex) {
					endpoint.completeExceptionally(ex);
				}
				endpoint
					.completeExceptionally(new IllegalStateException("chromium exited without a DevTools endpoint"));
			}, "chromium-stderr");
			reader.setDaemon(true);
			reader.start();
			URI browserSocket = URI.create(endpoint.get(30, TimeUnit.SECONDS));
			URI targets = URI.create("http://" + browserSocket.getAuthority() + "/json/list");
			HttpClient http = HttpClient.newHttpClient();
			String pageSocket = null;
			for (int attempt = 0; attempt < 100 && pageSocket == null; attempt++) {
				String list = http.send(HttpRequest.newBuilder(targets).build(), HttpResponse.BodyHandlers.ofString())
					.body();
				Matcher page = PAGE_SOCKET.matcher(list);
				if (page.find()) {
					pageSocket = page.group(1);
				}
				else {
					Thread.sleep(100);
				}
			}
			assertThat(pageSocket).as("a page target in chromium").isNotNull();
			DevTools devTools = new DevTools();
			devTools.socket = http.newWebSocketBuilder()
				.buildAsync(URI.create(pageSocket), devTools)
				.get(30, TimeUnit.SECONDS);
			return devTools;
		}

		String send(String method, String params) throws Exception {
			int id = ids.incrementAndGet();
			CompletableFuture<String> reply = new CompletableFuture<>();
			replies.put(id, reply);
			socket.sendText("{\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + params + "}", true)
				.get(10, TimeUnit.SECONDS);
			String answer = reply.get(30, TimeUnit.SECONDS);
			if (answer.contains("\"error\":{")) {
				throw new IllegalStateException(method + " failed: " + answer);
			}
			return answer;
		}

		void navigate(String url) throws Exception {
			send("Page.navigate", "{\"url\":" + json(url) + "}");
		}

		/** Evaluates an expression in the page and answers its value as a string. */
		String eval(String expression) throws Exception {
			return evaluate("String(" + expression + ")");
		}

		/** Runs statements in the page, e.g. to fill in and submit a form. */
		void run(String statements) throws Exception {
			evaluate(statements);
		}

		private String evaluate(String script) throws Exception {
			String answer = send("Runtime.evaluate", "{\"expression\":" + json(script) + ",\"returnByValue\":true}");
			if (answer.contains("\"exceptionDetails\"")) {
				throw new IllegalStateException("script failed: " + script + " -> " + answer);
			}
			Matcher value = Pattern.compile("\"result\":\\{\"type\":\"string\",\"value\":\"((?:[^\"\\\\]|\\\\.)*)\"")
				.matcher(answer);
			return value.find() ? unjson(value.group(1)) : null;
		}

		void waitFor(String expression, String expected) throws Exception {
			Object last = null;
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
			while (System.nanoTime() < deadline) {
				try {
					last = eval(expression);
					if (expected.equals(last)) {
						return;
					}
				}
				catch (IllegalStateException ex) {
					// The page is between documents: evaluation fails until the next one
					// is ready.
					last = ex.getMessage();
				}
				Thread.sleep(100);
			}
			throw new AssertionError(expression + ": expected '" + expected + "', last saw '" + last + "'");
		}

		void screenshot(Path file) throws Exception {
			String answer = send("Page.captureScreenshot", "{\"format\":\"png\"}");
			Matcher data = Pattern.compile("\"data\":\"([A-Za-z0-9+/=]+)\"").matcher(answer);
			assertThat(data.find()).isTrue();
			Files.createDirectories(file.getParent());
			Files.write(file, Base64.getDecoder().decode(data.group(1)));
		}

		@Override
		public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
			partial.append(data);
			if (last) {
				String message = partial.toString();
				partial.setLength(0);
				Matcher id = REPLY_ID.matcher(message);
				if (id.find()) {
					CompletableFuture<String> reply = replies.remove(Integer.parseInt(id.group(1)));
					if (reply != null) {
						reply.complete(message);
					}
				}
			}
			webSocket.request(1);
			return null;
		}

		@Override
		public void close() {
			if (socket != null) {
				socket.abort();
			}
		}

		private static String json(String text) {
			StringBuilder out = new StringBuilder("\"");
			for (char c : text.toCharArray()) {
				switch (c) {
					case '"' -> out.append("\\\"");
					case '\\' -> out.append("\\\\");
					case '\n' -> out.append("\\n");
					default -> {
						if (c < 0x20) {
							out.append(String.format("\\u%04x", (int) c));
						}
						else {
							out.append(c);
						}
					}
				}
			}
			return out.append('"').toString();
		}

		private static String unjson(String text) {
			StringBuilder out = new StringBuilder();
			for (int i = 0; i < text.length(); i++) {
				char c = text.charAt(i);
				if (c != '\\' || i + 1 == text.length()) {
					out.append(c);
					continue;
				}
				char next = text.charAt(++i);
				switch (next) {
					case 'n' -> out.append('\n');
					case 't' -> out.append('\t');
					case 'r' -> out.append('\r');
					case 'u' -> {
						out.append((char) Integer.parseInt(text.substring(i + 1, i + 5), 16));
						i += 4;
					}
					default -> out.append(next);
				}
			}
			return out.toString();
		}

	}

	private static Path temporaryDirectory(String prefix) {
		try {
			return Files.createTempDirectory(prefix);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void deleteQuietly(Path dir) {
		try (Stream<Path> paths = Files.walk(dir)) {
			paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		}
		catch (IOException ex) {
			// A browser profile left in the temp directory is harmless.
		}
	}

}
