package nl.postbrug.intake.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import javax.imageio.ImageIO;

import jakarta.mail.Address;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

import nl.postbrug.intake.imap.ImapPoller;
import nl.postbrug.support.DataDirs;
import nl.postbrug.support.FreePort;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.awaitility.Awaitility.await;

/**
 * Not a test: ingests 1,000 messages from GreenMail through the IMAP poller and prints
 * messages per second and peak heap. Excluded from {@code ./mvnw verify}; run it with
 * {@code ./mvnw -Pbench test -Dtest=ImapIntakeBenchmark}. Asserts nothing about time.
 */
@SpringBootTest
@ActiveProfiles("demo")
class ImapIntakeBenchmark {

	private static final int MESSAGES = Integer.getInteger("bench.messages", 1000);

	private static final int SMTP = FreePort.onLoopback();

	private static final int IMAP = FreePort.onLoopback();

	@RegisterExtension
	static final GreenMailExtension greenMail = new GreenMailExtension(
			new ServerSetup[] { new ServerSetup(SMTP, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
					new ServerSetup(IMAP, "127.0.0.1", ServerSetup.PROTOCOL_IMAP) })
		.withConfiguration(GreenMailConfiguration.aConfig().withUser("post@postbrug.example.org", "post", "secret"))
		.withPerMethodLifecycle(false);

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		String dir = DataDirs.fresh("bench");
		registry.add("postbrug.data-dir", () -> dir);
		registry.add("postbrug.intake.imap.host", () -> "127.0.0.1");
		registry.add("postbrug.intake.imap.port", () -> IMAP);
		registry.add("postbrug.intake.imap.tls", () -> "false");
		registry.add("postbrug.intake.imap.user", () -> "post");
		registry.add("postbrug.intake.imap.password", () -> "secret");
		registry.add("postbrug.intake.imap.poll-interval", () -> "1h");
		registry.add("postbrug.intake.imap.batch-size", () -> "200");
	}

	@Autowired
	ImapPoller poller;

	@Autowired
	JdbcClient jdbc;

	@Test
	void ingestOneThousandMessagesFromImap() throws Exception {
		byte[] photo = photo();
		Properties smtp = new Properties();
		smtp.setProperty("mail.smtp.host", "127.0.0.1");
		smtp.setProperty("mail.smtp.port", String.valueOf(SMTP));
		Session session = Session.getInstance(smtp);
		long deliverStart = System.nanoTime();
		try (Transport transport = session.getTransport("smtp")) {
			transport.connect();
			Address[] to = { new InternetAddress("post@postbrug.example.org") };
			for (int i = 0; i < MESSAGES; i++) {
				byte[] raw = mail(i, i % 5 == 0 ? photo : null);
				transport.sendMessage(new MimeMessage(session, new ByteArrayInputStream(raw)), to);
			}
		}
		double deliverSeconds = (System.nanoTime() - deliverStart) / 1e9;
		long before = count("SELECT COUNT(*) FROM message WHERE channel = 'IMAP'");

		HeapSampler heap = new HeapSampler();
		heap.start();
		long start = System.nanoTime();
		int polls = 0;
		while (count("SELECT COUNT(*) FROM message WHERE channel = 'IMAP'") - before < MESSAGES && polls < 100) {
			ImapPoller.Poll poll = poller.pollOnce();
			polls++;
			if (poll.error() != null) {
				System.out.println("poll failed: " + poll.error());
			}
		}
		double ingestSeconds = (System.nanoTime() - start) / 1e9;
		await("every IMAP message screened").atMost(Duration.ofMinutes(10))
			.pollDelay(Duration.ZERO)
			.pollInterval(Duration.ofMillis(20))
			.until(() -> count(
					"SELECT COUNT(*) FROM message WHERE channel = 'IMAP' AND status IN ('RECEIVED', 'SCREENING')") == 0);
		double screenedSeconds = (System.nanoTime() - start) / 1e9;
		heap.stop();
		long taken = count("SELECT COUNT(*) FROM message WHERE channel = 'IMAP'") - before;

		System.out.println();
		System.out.println("IMAP intake benchmark (" + Runtime.getRuntime().availableProcessors() + " cores, max heap "
				+ Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB, Java " + System.getProperty("java.version")
				+ String.format(", load average %.1f",
						ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage())
				+ ")");
		System.out.printf("  delivered by SMTP:      %d messages in %.1f s (not part of the figure)%n", MESSAGES,
				deliverSeconds);
		System.out.printf(
				"  ingested from IMAP:     %d messages in %.2f s = %.0f messages/s (%d polls; fetch, parse, store, commit, move)%n",
				taken, ingestSeconds, taken / ingestSeconds, polls);
		System.out.printf("  ingested and screened:  %.2f s = %.0f messages/s%n", screenedSeconds,
				taken / screenedSeconds);
		System.out.printf("  peak heap (sampled):    %d MB; sum of heap pool peaks: %d MB%n",
				heap.peak() / (1024 * 1024), heap.poolPeaks() / (1024 * 1024));
		System.out.println();
	}

	private long count(String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

	private static byte[] mail(int i, byte[] photo) {
		String text = ("Lieve Jan,\r\n\r\nDit is bericht nummer " + i
				+ ". Het gaat goed met ons; de kinderen zijn naar " + "school en oma komt zondag eten.\r\n")
			.repeat(8) + "\r\nLiefs, Anna\r\n";
		String head = "From: Anna de Vries <anna@example.org>\r\nTo: post+1000000001@postbrug.example.org\r\n"
				+ "Subject: Bericht " + i + "\r\nDate: Sat, 28 Nov 2026 10:00:00 +0100\r\nMessage-ID: <"
				+ UUID.randomUUID() + "@example.org>\r\nMIME-Version: 1.0\r\n";
		if (photo == null) {
			return (head + "Content-Type: text/plain; charset=UTF-8\r\n\r\n" + text).getBytes(StandardCharsets.UTF_8);
		}
		return (head
				+ "Content-Type: multipart/mixed; boundary=zz\r\n\r\n--zz\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
				+ text + "\r\n--zz\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n"
				+ "Content-Disposition: attachment; filename=\"foto.png\"\r\n\r\n"
				+ java.util.Base64.getMimeEncoder().encodeToString(photo) + "\r\n--zz--\r\n")
			.getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] photo() throws IOException {
		var image = new java.awt.image.BufferedImage(640, 480, java.awt.image.BufferedImage.TYPE_INT_RGB);
		var g = image.createGraphics();
		for (int y = 0; y < 480; y += 20) {
			g.setColor(new java.awt.Color(y % 255, (y * 3) % 255, 120));
			g.fillRect(0, y, 640, 20);
		}
		g.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

	/** Samples used heap every 5 ms, and reads the heap pools' own peaks. */
	private static final class HeapSampler {

		private final AtomicBoolean running = new AtomicBoolean(true);

		private final AtomicLong peak = new AtomicLong();

		private Thread thread;

		void start() {
			System.gc();
			ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
			thread = new Thread(() -> {
				while (running.get()) {
					long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
					peak.accumulateAndGet(used, Math::max);
					try {
						Thread.sleep(5);
					}
					catch (InterruptedException ex) {
						return;
					}
				}
			});
			thread.setDaemon(true);
			thread.start();
		}

		void stop() throws InterruptedException {
			running.set(false);
			thread.join();
		}

		long peak() {
			return peak.get();
		}

		long poolPeaks() {
			return ManagementFactory.getMemoryPoolMXBeans()
				.stream()
				.filter(pool -> pool.getType() == MemoryType.HEAP)
				.mapToLong(pool -> pool.getPeakUsage().getUsed())
				.sum();
		}

	}

}
