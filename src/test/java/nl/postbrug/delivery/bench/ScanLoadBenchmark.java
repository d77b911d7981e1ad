package nl.postbrug.delivery.bench;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.postbrug.audit.AuditVerification;
import nl.postbrug.letters.CopyCodes;
import nl.postbrug.registry.Registry;
import nl.postbrug.support.DataDirs;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Loopback load on the hand-over desk: {@code bench.scans} printed letters (default
 * 20,000, written straight into the database as one printed batch) are scanned by
 * {@code bench.clients} concurrent postroom sessions (default 20), each signed in once
 * and posting the scan form as the page's script does, after {@code bench.warm-up} scans
 * (default 500) from one thread. Prints throughput and p50/p99 latency and checks that
 * every scan was recorded and audited exactly once, every message delivered, and the
 * audit chain unbroken. Not part of {@code verify}: run with
 * {@code ./mvnw -Pbench test -Dtest=ScanLoadBenchmark [-Dbench.scans=20000]}; the figures
 * are also written to {@code target/bench/scan-load.txt}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "postbrug.batches.schedule-file=none", "logging.level.nl.postbrug=WARN" })
@ActiveProfiles("demo")
class ScanLoadBenchmark {

	static final int SCANS = Integer.getInteger("bench.scans", 20_000);

	static final int CLIENTS = Integer.getInteger("bench.clients", 20);

	static final int WARM_UP = Integer.getInteger("bench.warm-up", 500);

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@DynamicPropertySource
	static void ownDataDir(DynamicPropertyRegistry registry) {
		String dir = DataDirs.fresh("scan-bench");
		registry.add("postbrug.data-dir", () -> dir);
	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate template;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Registry registry;

	@Autowired
	AuditVerification audit;

	@Test
	void scansFromConcurrentClients() throws Exception {
		List<String> codes = printedLetters(WARM_UP + SCANS);
		ConcurrentLinkedQueue<String> queue = new ConcurrentLinkedQueue<>(codes.subList(WARM_UP, codes.size()));
		long[] latencies = new long[SCANS];
		java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
		java.util.concurrent.atomic.AtomicInteger notDelivered = new java.util.concurrent.atomic.AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
		List<Session> sessions = new ArrayList<>();
		for (int i = 0; i < CLIENTS; i++) {
			sessions.add(signIn());
		}
		// The first scans of a fresh JVM measure the JIT, not the desk.
		for (int i = 0; i < WARM_UP; i++) {
			sessions.get(i % CLIENTS).scan(codes.get(i));
		}
		long start = System.nanoTime();
		List<Future<?>> clients = new ArrayList<>();
		for (Session session : sessions) {
			clients.add(pool.submit(() -> {
				String code;
				while ((code = queue.poll()) != null) {
					long t0 = System.nanoTime();
					String answer = session.scan(code);
					latencies[next.getAndIncrement()] = System.nanoTime() - t0;
					if (!answer.contains("\"outcome\":\"DELIVERED\"")) {
						notDelivered.incrementAndGet();
					}
				}
				return null;
			}));
		}
		for (Future<?> client : clients) {
			client.get();
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		pool.shutdown();

		Arrays.sort(latencies);
		String figures = String.format(Locale.ROOT,
				"%d scans from %d clients in %.1f s: %.0f scans/s, p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", SCANS,
				CLIENTS, seconds, SCANS / seconds, latencies[SCANS / 2] / 1e6, latencies[(int) (SCANS * 0.99)] / 1e6,
				latencies[SCANS - 1] / 1e6);
		System.out.print(figures);
		Files.createDirectories(Path.of("target", "bench"));
		Files.writeString(Path.of("target", "bench", "scan-load.txt"), figures);

		assertThat(notDelivered).hasValue(0);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM delivery_scan").query(Long.class).single())
			.isEqualTo(WARM_UP + SCANS);
		assertThat(jdbc.sql("SELECT COUNT(DISTINCT code) FROM delivery_scan").query(Long.class).single())
			.isEqualTo(WARM_UP + SCANS);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM message WHERE status = 'DELIVERED'").query(Long.class).single())
			.isGreaterThanOrEqualTo(WARM_UP + SCANS);
		// every scan audited once, in one unbroken chain
		assertThat(
				jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE type = 'SCAN_DELIVERED'").query(Long.class).single())
			.isEqualTo(WARM_UP + SCANS);
		assertThat(audit.verify().valid()).isTrue();
	}

	/** One postroom browser: signed in, with the scan form's CSRF token. */
	private final class Session {

		final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

		String csrf;

		String scan(String code) {
			try {
				HttpRequest request = HttpRequest.newBuilder(uri("/postroom/scan"))
					.header("Content-Type", "application/x-www-form-urlencoded")
					.header("Accept", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString(form("code", code, "round", "0", "_csrf", csrf)))
					.build();
				return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

	private Session signIn() throws Exception {
		Session session = new Session();
		String login = session.http
			.send(HttpRequest.newBuilder(uri("/login")).build(), HttpResponse.BodyHandlers.ofString())
			.body();
		session.http.send(HttpRequest.newBuilder(uri("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers
				.ofString(form("username", "postroom", "password", "demo", "_csrf", token(login))))
			.build(), HttpResponse.BodyHandlers.discarding());
		String page = session.http
			.send(HttpRequest.newBuilder(uri("/postroom/scan")).build(), HttpResponse.BodyHandlers.ofString())
			.body();
		session.csrf = token(page);
		return session;
	}

	/** One printed batch at PIA with a letter and a copy code for each message. */
	private List<String> printedLetters(int count) {
		long facility = registry.facility("PIA").orElseThrow().id();
		long prisoner = registry.prisoner("1000000001").orElseThrow().id();
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		jdbc.sql("""
				INSERT INTO batch (facility_id, slot, code, status, letters, pages, created_at, printed_at)
				VALUES (?, 'bench', ?, 'PRINTED', ?, ?, ?, ?)
				""").params(facility, CopyCodes.newCode(), count, count, now, now).update();
		long batch = jdbc.sql("SELECT id FROM batch WHERE slot = 'bench'").query(Long.class).single();
		List<Object[]> messages = new ArrayList<>();
		List<Object[]> letters = new ArrayList<>();
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String id = UUID.randomUUID().toString();
			ids.add(id);
			messages.add(new Object[] { id, prisoner, facility, "Bench " + i, now, now });
			letters.add(new Object[] { id, batch, prisoner, facility, i });
		}
		template.batchUpdate(
				"""
						INSERT INTO message (id, channel, sender_email, sender_name, prisoner_id, facility_id, body, status,
						received_at, updated_at, version) VALUES (?, 'WEB', 'anna@example.org', 'Anna', ?, ?, ?, 'PRINTED', ?, ?, 0)
						""",
				messages);
		template.batchUpdate(
				"INSERT INTO letter (message_id, batch_id, prisoner_id, facility_id, position, pages) VALUES (?, ?, ?, ?, ?, 1)",
				letters);
		List<String> codes = new ArrayList<>();
		List<Object[]> copies = new ArrayList<>();
		for (Long letter : jdbc.sql("SELECT id FROM letter WHERE batch_id = ? ORDER BY position")
			.param(batch)
			.query(Long.class)
			.list()) {
			String code = CopyCodes.newCode();
			codes.add(code);
			copies.add(new Object[] { code, letter, now });
		}
		template.batchUpdate(
				"INSERT INTO letter_copy (code, letter_id, copy_no, void, created_at) VALUES (?, ?, 1, FALSE, ?)",
				copies);
		return codes;
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	private static String token(String html) {
		Matcher matcher = CSRF.matcher(html);
		if (!matcher.find()) {
			throw new IllegalStateException("No CSRF token on the page");
		}
		return matcher.group(1);
	}

	private static String form(String... pairs) {
		StringBuilder body = new StringBuilder();
		for (int i = 0; i < pairs.length; i += 2) {
			if (body.length() > 0) {
				body.append('&');
			}
			body.append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8))
				.append('=')
				.append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
		}
		return body.toString();
	}

}
