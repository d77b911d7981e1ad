package nl.postbrug.screening.rules;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A kind of check that looks for what continued crime needs rather than for the words it
 * happens to use: an instruction passed on, a hand-over arranged, money moved, something
 * brought in, a witness pressed, wording agreed in advance. Each kind combines groups of
 * cues ({@link Cues}) within a sentence, so one word alone never makes a finding, and
 * wording nobody listed still does when it does the same work. A finding points at the
 * sentence and names the cues that made it.
 */
abstract class Signal {

	/** The kinds, by the key a rule file's {@code [signals]} section uses. */
	static final Map<String, Supplier<Signal>> KINDS = Map.of("pass-on", PassOnSignal::new, "logistics",
			LogisticsSignal::new, "money", MoneySignal::new, "contraband", ContrabandSignal::new, "witnesses",
			WitnessSignal::new, "coded", CodedSignal::new);

	/** A sentence that carries the signal, in skeleton coordinates, and why. */
	record Hit(int start, int end, String explanation) {
	}

	/** The rule id findings of this kind are recorded under ({@code signal-<kind>}). */
	abstract String kind();

	abstract List<Hit> find(Sentences text);

	static Hit hit(Sentences.Sentence sentence, String why, String... cues) {
		StringBuilder explanation = new StringBuilder(why);
		String sep = " (";
		for (String cue : cues) {
			if (cue != null) {
				explanation.append(sep).append('\'').append(cue.strip()).append('\'');
				sep = ", ";
			}
		}
		if (!sep.equals(" (")) {
			explanation.append(')');
		}
		return new Hit(sentence.start(), sentence.end(), explanation.toString());
	}

	/**
	 * The first match of a cue in a sentence, as the sender wrote it; {@code null} when
	 * none.
	 */
	static String first(Cue cue, Sentences.Sentence sentence) {
		Cue.Search match = cue.search(sentence.text());
		return match.find() ? sentence.original(match.start(), match.end()) : null;
	}

}
