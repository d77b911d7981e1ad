package nl.postbrug.batches.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import javax.sql.DataSource;

import nl.postbrug.batches.BatchView;
import nl.postbrug.batches.Batches;
import nl.postbrug.registry.Facility;
import nl.postbrug.registry.Registry;
import nl.postbrug.support.DataDirs;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Assembles one batch of 2,000 one-page text letters through the real path (claim,
 * render, print to the folder printer) and reports time, peak heap and bytes per page.
 * Not part of {@code verify}: run with
 * {@code ./mvnw -B test -Pbench -Dtest=BatchAssemblyBench}; the figures are written to
 * {@code target/bench/batch-assembly.txt}. Targets: under 30 s, under 512 MB heap, under
 * 3 KB per page.
 */
@SpringBootTest(properties = { "postbrug.batches.schedule-file=none", "postbrug.batches.max-letters-per-batch=5000" })
@ActiveProfiles("demo")
class BatchAssemblyBench {

	static final int LETTERS = Integer.getInteger("bench.letters", 2000);

	@DynamicPropertySource
	static void ownDataDir(DynamicPropertyRegistry registry) {
		String dir = DataDirs.fresh("bench");
		registry.add("postbrug.data-dir", () -> dir);
	}

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Batches batches;

	@Autowired
	Registry registry;

	@Autowired
	DataSource dataSource;

	@Test
	void assemblesABatchOfTwoThousandLetters() throws Exception {
		Facility pia = registry.facility("PIA").orElseThrow();
		insertApprovedMessages(pia, LETTERS);
		Instant slot = Instant.now().plus(Duration.ofMinutes(1)).truncatedTo(ChronoUnit.SECONDS);

		System.gc();
		long before = usedHeap();
		List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter(pool -> pool.getType() == MemoryType.HEAP)
			.toList();
		heap.forEach(MemoryPoolMXBean::resetPeakUsage);
		long start = System.nanoTime();
		BatchView batch = batches.runScheduled(pia, slot, slot, false);
		long millis = (System.nanoTime() - start) / 1_000_000;
		long peak = heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();

		assertThat(batch.letters()).isGreaterThanOrEqualTo(LETTERS);
		long bytes = Files.size(batches.pdf(batch));
		String report = String.format(Locale.ROOT, """
				Batch assembly benchmark (%s)
				letters:         %d
				pages:           %d
				status:          %s
				time:            %.1f s (claim + render + print to folder)
				heap before:     %d MB
				heap peak:       %d MB (sum of heap pools' peaks, -Xmx %d MB)
				file:            %.1f MB
				bytes per page:  %d
				""", Instant.now(), batch.letters(), batch.pages(), batch.status(), millis / 1000.0, before >> 20,
				peak >> 20, Runtime.getRuntime().maxMemory() >> 20, bytes / 1048576.0, bytes / batch.pages());
		Path out = Path.of("target", "bench", "batch-assembly.txt");
		Files.createDirectories(out.getParent());
		Files.writeString(out, report);
		System.out.println(report);
	}

	private void insertApprovedMessages(Facility facility, int count) {
		List<Long> prisoners = jdbc.sql("SELECT id FROM prisoner WHERE facility_id = ? ORDER BY id")
			.param(facility.id())
			.query(Long.class)
			.list();
		Timestamp now = Timestamp.from(Instant.now().minusSeconds(60));
		List<Object[]> messages = new ArrayList<>();
		List<Object[]> changes = new ArrayList<>();
		String text = "Lieve Jan,\n\nHier een brief van een gewone lengte, met nieuws van thuis: de kinderen zijn naar school, "
				+ "de hond heeft de tuin omgespit en oma komt zondag op bezoek. We denken aan je.\n\n";
		for (int i = 0; i < count; i++) {
			String id = UUID.randomUUID().toString();
			messages.add(new Object[] { id, prisoners.get(i % prisoners.size()), facility.id(),
					"Brief " + i + ".\n\n" + text.repeat(3), now, now });
			changes.add(new Object[] { id, now });
		}
		JdbcTemplate template = new JdbcTemplate(dataSource);
		template.batchUpdate(
				"""
						INSERT INTO message (id, channel, sender_email, sender_name, prisoner_id, facility_id, body, status,
						received_at, updated_at, version) VALUES (?, 'WEB', 'anna@example.org', 'Anna', ?, ?, ?, 'APPROVED', ?, ?, 0)""",
				messages);
		template.batchUpdate(
				"INSERT INTO message_status_change (message_id, at, status, detail_code) VALUES (?, ?, 'APPROVED', 'history.approved')",
				changes);
	}

	private static long usedHeap() {
		Runtime runtime = Runtime.getRuntime();
		return runtime.totalMemory() - runtime.freeMemory();
	}

}
