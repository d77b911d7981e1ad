package nl.postbrug.screening.rules;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs one signal over a text and checks which sentences it points at. */
final class SignalAssertions {

	private SignalAssertions() {
	}

	/** The signal finds exactly these sentences, as the sender wrote them. */
	static void finds(Signal signal, String text, String... sentences) {
		Sentences parsed = Sentences.of(text);
		List<String> found = signal.find(parsed)
			.stream()
			.map(hit -> text.substring(parsed.skeleton.originalStart(hit.start()),
					parsed.skeleton.originalEnd(hit.end())))
			.toList();
		assertThat(found).as("sentences %s finds in: %s", signal.kind(), text).containsExactly(sentences);
	}

	static void leavesAlone(Signal signal, String text) {
		assertThat(signal.find(Sentences.of(text))).as("%s on: %s", signal.kind(), text).isEmpty();
	}

	static String explanation(Signal signal, String text) {
		return signal.find(Sentences.of(text)).get(0).explanation();
	}

}
