package nl.postbrug.intake.mail;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import nl.postbrug.intake.Channel;
import nl.postbrug.intake.NewMessage;
import nl.postbrug.support.Peers;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Every file of the shared mail corpus ({@code ../shared/corpus/email}, beside the
 * repository) goes through the same parsing path as IMAP mail: each ends accepted or
 * rejected with a reason, none crashes or hangs, and reading them all again does not grow
 * the heap. Skipped, with the reason, when the corpus is not there.
 */
class MailCorpusTests {

	static final Path CORPUS = Peers.corpus().resolve("email");

	private static List<Path> files;

	@BeforeAll
	static void corpus() throws IOException {
		boolean present = Files.isDirectory(CORPUS);
		if (!present) {
			System.err.println("MailCorpusTests SKIPPED: no mail corpus at " + CORPUS.toAbsolutePath());
		}
		Assumptions.assumeTrue(present, () -> "SKIPPED: no mail corpus at " + CORPUS.toAbsolutePath()
				+ "; check out shared/ beside the repository to run the corpus tests");
		try (Stream<Path> all = Files.walk(CORPUS)) {
			files = all.filter(Files::isRegularFile)
				.filter(file -> !file.getFileName().toString().startsWith("."))
				.sorted()
				.toList();
		}
	}

	private final MailReader reader = TestMail.reader();

	/**
	 * What the IMAP poller and the drop folder do with one mail ({@link RawMailIntake}):
	 * a message, possibly refused, or an unreadable record.
	 */
	private String outcome(byte[] raw) {
		NewMessage message;
		try {
			message = reader.read(raw, Channel.IMAP);
		}
		catch (MailRefused ex) {
			message = reader.unreadable(raw, ex.reason(), Channel.IMAP);
		}
		assertThat(message.sender().email()).isNotBlank();
		assertThat(message.content().body()).isNotNull().doesNotContain("\u0000");
		assertThat(message.evidence().sourceHash()).hasSize(64);
		if (message.content().subject() != null) {
			assertThat(message.content().subject()).doesNotContain("\r").doesNotContain("\n");
		}
		if (message.notes().refusal() != null) {
			return "rejected: " + message.notes().refusal().code();
		}
		if (message.notes().noReply() != null) {
			return "rejected (automatic): " + message.notes().noReply().code();
		}
		if (message.content().body().isBlank() && message.content().photos().isEmpty()) {
			return "rejected: empty";
		}
		return "accepted";
	}

	@Test
	void everyCorpusMailEndsAcceptedOrRejectedWithAReason() throws IOException {
		Map<String, Integer> summary = new TreeMap<>();
		for (Path file : files) {
			byte[] raw = Files.readAllBytes(file);
			String outcome = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> outcome(raw),
					() -> file + " took longer than 10 s");
			assertThat(outcome).as(file.toString()).matches("accepted|rejected.*: .+");
			if (!outcome.equals("accepted")) {
				System.out.println("  " + CORPUS.relativize(file) + " -> " + outcome);
			}
			summary.merge(outcome.startsWith("accepted") ? "accepted" : outcome.replaceAll("\\d+", "N"), 1,
					Integer::sum);
		}
		System.out.println("Mail corpus: " + files.size() + " files under " + CORPUS);
		summary.forEach((outcome, count) -> System.out.printf("  %4d  %s%n", count, outcome));
		assertThat(summary.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(files.size());
	}

	@Test
	void readingTheCorpusAgainAndAgainDoesNotGrowTheHeap() throws IOException {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		for (Path file : files) {
			outcome(Files.readAllBytes(file));
		}
		long before = settledHeap(memory);
		for (int round = 0; round < 5; round++) {
			for (Path file : files) {
				outcome(Files.readAllBytes(file));
			}
		}
		long after = settledHeap(memory);
		System.out.printf("Mail corpus: heap after warm-up %d KB, after 5 more rounds %d KB%n", before / 1024,
				after / 1024);
		assertThat(after - before).isLessThan(16L * 1024 * 1024);
	}

	private static long settledHeap(MemoryMXBean memory) {
		long used = Long.MAX_VALUE;
		for (int i = 0; i < 3; i++) {
			System.gc();
			used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
		}
		return used;
	}

}
