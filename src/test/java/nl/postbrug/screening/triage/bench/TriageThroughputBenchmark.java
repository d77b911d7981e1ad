package nl.postbrug.screening.triage.bench;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import nl.postbrug.screening.Finding;
import nl.postbrug.screening.ScreeningSettings;
import nl.postbrug.screening.rules.ContentChecks;
import nl.postbrug.screening.rules.RuleBook;
import nl.postbrug.screening.rules.RuleSet;
import nl.postbrug.screening.triage.LabelledSet;
import nl.postbrug.screening.triage.TriageModel;

import org.junit.jupiter.api.Test;

/**
 * Screening with the triage model on one thread: the text rules with all signals, then
 * the model's score of every sentence and the whole message, for 20,000 messages of one
 * to six seed messages each (so family letters of every length). Prints messages per
 * second; the target is at least 1,000. Run with
 * {@code ./mvnw -Pbench test -Dtest=TriageThroughputBenchmark}.
 */
class TriageThroughputBenchmark {

	/**
	 * The thread's own CPU time as well as the wall clock: on a machine shared with other
	 * builds the wall clock measures the neighbours too.
	 */
	private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory
		.getThreadMXBean();

	@Test
	void screenMessagesWithTheModelOnOneThread() {
		RuleSet rules = new RuleBook(new ScreeningSettings(Path.of("samples", "rules"), false)).forFacility("PIA");
		LabelledSet seed = LabelledSet.read(Path.of("samples", "screening", "seed.tsv"));
		TriageModel model = TriageModel.train(seed, 0, Instant.EPOCH, Map.of());
		Random random = new Random(11);
		List<String> texts = new ArrayList<>();
		for (int i = 0; i < 20_000; i++) {
			StringBuilder text = new StringBuilder();
			int parts = 1 + random.nextInt(6);
			for (int p = 0; p < parts; p++) {
				text.append(seed.examples().get(random.nextInt(seed.size())).text()).append(p % 2 == 1 ? "\n\n" : " ");
			}
			texts.add(text.toString());
		}
		long chars = texts.stream().mapToLong(String::length).sum();
		for (int round = 0; round < 3; round++) {
			long held = 0;
			long started = System.nanoTime();
			long cpuStarted = CPU.getCurrentThreadCpuTime();
			for (String text : texts) {
				boolean byRules = ContentChecks.check(rules, text, "1000000001")
					.findings()
					.stream()
					.anyMatch(f -> f.severity() != Finding.Severity.NOTE);
				double score = model.score(text).value();
				held += byRules || score > 0.39 ? 1 : 0;
			}
			double seconds = (System.nanoTime() - started) / 1e9;
			double cpuSeconds = (CPU.getCurrentThreadCpuTime() - cpuStarted) / 1e9;
			System.out.printf(Locale.ROOT,
					"%s: %d messages (%.0f characters on average) in %.2f s: %.0f messages/s on one thread; %d held; "
							+ "the thread's own CPU time %.2f s: %.0f messages per CPU second%n",
					round == 0 ? "warm-up" : "measured", texts.size(), (double) chars / texts.size(), seconds,
					texts.size() / seconds, held, cpuSeconds, texts.size() / cpuSeconds);
		}
	}

}
