package nl.postbrug.screening.rules;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A cue searched only where one of its matches can start finds exactly what its regular
 * expression finds everywhere, for every cue of every signal, on every sentence of the
 * labelled sets and on wording of its own.
 */
class CueTests {

	@Test
	void everyCueFindsWhatItsExpressionFinds() throws Exception {
		List<String> sentences = new ArrayList<>(List.of("€ 250 voor vrijdag om 21.30 bij de loods",
				"'s nachts na donker, at half past nine near the lock-up", "Kilo's en 3kg, £40 for two bags",
				"Zéér vreemd: ÉÉN pakket — één levering, ánd an ümlaut", ""));
		for (String file : nl.postbrug.screening.TriageSettings.SAMPLE_SETS.split(",")) {
			List<String> lines = Files.readAllLines(Path.of(file));
			for (String line : lines.subList(1, lines.size())) {
				for (Sentences.Sentence sentence : Sentences.of(line.substring(line.indexOf('\t') + 1)).list) {
					sentences.add(sentence.text());
				}
			}
		}
		List<Cue> cues = cues();
		assertThat(cues).hasSizeGreaterThan(30);
		long found = 0;
		for (Cue cue : cues) {
			for (String text : sentences) {
				Matcher everywhere = cue.pattern.matcher(text);
				Cue.Search search = cue.search(text);
				while (everywhere.find()) {
					assertThat(search.find()).as("%s in '%s'", cue.pattern, text).isTrue();
					assertThat(new int[] { search.start(), search.end() }).as("%s in '%s'", cue.pattern, text)
						.containsExactly(everywhere.start(), everywhere.end());
					found++;
				}
				assertThat(search.find()).as("%s in '%s'", cue.pattern, text).isFalse();
			}
		}
		assertThat(found).isGreaterThan(1000);
	}

	@Test
	void plainWordsShareTheirPrefixesAndTheLongestIsTaken() {
		Cue cue = Cues.of("pak|pakje|pakjes", "pakken", "\\d+ (?:gram|kilo)");
		assertThat(cue.pattern.pattern()).contains("pak(?:je(?:s|)|ken|)");
		assertThat(cue.first("twee pakjes en 5 kilo")).isEqualTo("pakjes");
		assertThat(cue.first("de pakketten")).isNull();
		assertThat(cue.first("nog 5 kilo")).isEqualTo("5 kilo");
	}

	private static List<Cue> cues() throws IllegalAccessException {
		List<Cue> cues = new ArrayList<>();
		for (Class<?> type : List.of(Cues.class, LogisticsSignal.class, MoneySignal.class, CodedSignal.class,
				ContrabandSignal.class, WitnessSignal.class, PassOnSignal.class)) {
			for (Field field : type.getDeclaredFields()) {
				if (field.getType() == Cue.class && Modifier.isStatic(field.getModifiers())) {
					field.setAccessible(true);
					cues.add((Cue) field.get(null));
				}
			}
		}
		return cues;
	}

}
