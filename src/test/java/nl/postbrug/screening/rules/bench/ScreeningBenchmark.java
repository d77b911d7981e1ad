package nl.postbrug.screening.rules.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import nl.postbrug.screening.Finding;
import nl.postbrug.screening.ScreeningSettings;
import nl.postbrug.screening.rules.ContentChecks;
import nl.postbrug.screening.rules.RuleBook;
import nl.postbrug.screening.rules.RuleSet;

import org.junit.jupiter.api.Test;

/**
 * Screens 100,000 generated messages against the sample rules of PI Amsterdam and prints
 * messages per second. Run with {@code ./mvnw -Pbench test -Dtest=ScreeningBenchmark}.
 * One in ten messages carries something to find (a phone number, a link, a listed word, a
 * disguised word, a code). Measures the text rules, which do the work per message; the
 * database writes of a screening come on top.
 */
class ScreeningBenchmark {

	private static final String[] SENTENCES = { "Lieve Jan, hoe gaat het met je?",
			"De kinderen maken het goed en Lotte heeft haar zwemdiploma.",
			"Oma is vorige week 84 geworden; we hebben appeltaart gegeten.",
			"Het regent hier al dagen en de tuin staat onder water.",
			"We denken elke dag aan je en tellen af naar het bezoek in december.",
			"Papa heeft een nieuwe baan bij de gemeente.", "Je neefje vraagt steeds wanneer je thuiskomt.",
			"Houd vol, jongen. Heel veel liefs van ons allemaal.", "Sevgili oğlum, seni çok özledik.",
			"Дорогой Дима, у нас всё хорошо." };

	private static final String[] RISKY = { "Bel me op 06-12345678.", "Kijk op www.voorbeeld.nl.",
			"De dr0gs liggen klaar.", "Stort op NL91ABNA0417164300.", "Onthoud 4829 1736 5502 9918.",
			"QWERT ASDFG ZXCVB POIUY", "Het w\u0430pen ligt klaar." };

	@Test
	void screen100000Messages() {
		RuleSet rules = new RuleBook(new ScreeningSettings(Path.of("samples", "rules"), false)).forFacility("PIA");
		Random random = new Random(42);
		List<String> texts = new ArrayList<>();
		for (int i = 0; i < 100_000; i++) {
			StringBuilder text = new StringBuilder();
			int sentences = 3 + random.nextInt(12);
			for (int s = 0; s < sentences; s++) {
				text.append(SENTENCES[random.nextInt(SENTENCES.length)]).append(s % 4 == 3 ? "\n\n" : " ");
			}
			if (i % 10 == 0) {
				text.append(RISKY[random.nextInt(RISKY.length)]);
			}
			texts.add(text.toString());
		}
		long characters = texts.stream().mapToLong(String::length).sum();
		for (int i = 0; i < 5_000; i++) {
			ContentChecks.check(rules, texts.get(i), "1000000001"); // warm up
		}
		long findings = 0;
		long flagged = 0;
		long start = System.nanoTime();
		for (String text : texts) {
			List<Finding> found = ContentChecks.check(rules, text, "1000000001").findings();
			findings += found.size();
			flagged += found.isEmpty() ? 0 : 1;
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		System.out.printf("%nScreening benchmark: %,d messages (%,d characters, %.0f per message) in %.2f s%n",
				texts.size(), characters, (double) characters / texts.size(), seconds);
		System.out.printf("  %,.0f messages/second on one thread; %,d flagged with %,d findings%n%n",
				texts.size() / seconds, flagged, findings);
	}

}
