package nl.postbrug.screening.rules;

import org.junit.jupiter.api.Test;

import static nl.postbrug.screening.rules.SignalAssertions.finds;
import static nl.postbrug.screening.rules.SignalAssertions.leavesAlone;

class WitnessSignalTests {

	private final Signal signal = new WitnessSignal();

	@Test
	void findsPressureOnAWitnessOrAnOfficial() {
		finds(signal, "De getuige uit Hoorn woont boven de slagerij, dat weet ik nu.",
				"De getuige uit Hoorn woont boven de slagerij, dat weet ik nu.");
		finds(signal, "The prosecutor drives a grey Volvo. Funny what you find out.",
				"The prosecutor drives a grey Volvo.");
	}

	@Test
	void findsPressureInTheSentenceAfterTheInformer() {
		finds(signal, "Die buurman heeft alles gezien. Hij moet het maar vergeten.", "Hij moet het maar vergeten.");
	}

	@Test
	void findsSilenceDemanded() {
		finds(signal, "Your cousin should keep his mouth shut when they ring.",
				"Your cousin should keep his mouth shut when they ring.");
	}

	@Test
	void leavesCourtDatesAndLawyersAlone() {
		leavesAlone(signal,
				"De zitting bij de rechtbank is verplaatst naar 12 maart, dat heeft je advocaat laten weten.");
		leavesAlone(signal, "The court sent a letter, sentencing is on 20 December. The solicitor will explain.");
		leavesAlone(signal, "De wijkagent kwam langs om te vragen of alles goed gaat met ons.");
	}

}
