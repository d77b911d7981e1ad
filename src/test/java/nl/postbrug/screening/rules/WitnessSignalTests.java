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

	@Test
	void anOfficersCarOrHomeIsPressureButTheProbationServiceAskingWhereHeWillLiveIsNot() {
		finds(signal, "That probation woman of yours parks her bike behind the chip shop every evening.",
				"That probation woman of yours parks her bike behind the chip shop every evening.");
		finds(signal, "Die getuige van toen is verhuisd. Haar nieuwe adres heb ik via een neef.",
				"Haar nieuwe adres heb ik via een neef.");
		leavesAlone(signal, "De reclassering belde of je na je verlof bij tante Ria kunt wonen, ik zei ja.");
		leavesAlone(signal, "Your hearing got moved to the 14th, the court wrote to me about it.");
		leavesAlone(signal, "De rechter was streng. De kinderen waren er ook bij, ze hebben het goed gedaan.");
		leavesAlone(signal, "Ze zeggen in het team dat hij een van ons is, ook al werkt hij in de keuken.");
	}

}
