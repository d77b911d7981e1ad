package nl.postbrug.screening.rules;

import org.junit.jupiter.api.Test;

import static nl.postbrug.screening.rules.SignalAssertions.finds;
import static nl.postbrug.screening.rules.SignalAssertions.leavesAlone;

class CodedSignalTests {

	private final Signal signal = new CodedSignal();

	@Test
	void findsACodeAgreedInTheLetter() {
		finds(signal, "Als ik 'appels' schrijf bedoel ik de auto's, onthoud dat.",
				"Als ik 'appels' schrijf bedoel ik de auto's, onthoud dat.");
		finds(signal, "When I say 'biscuits' I mean the other thing, you get it.",
				"When I say 'biscuits' I mean the other thing, you get it.");
	}

	@Test
	void findsAReferenceOnlyTheTwoUnderstandAndEvasion() {
		finds(signal, "The lads know where, same time as before, bring it all.",
				"The lads know where, same time as before, bring it all.");
		finds(signal, "Zeg dat je thuis was als de rechercheur erom vraagt.",
				"Zeg dat je thuis was als de rechercheur erom vraagt.");
		finds(signal, "He has to bin the laptop before they come looking.",
				"He has to bin the laptop before they come looking.");
	}

	@Test
	void leavesArrangementsWithThePrisonAndPlainQuestionsAlone() {
		leavesAlone(signal, "Zoals afgesproken met de inrichting bellen we morgen om tien uur.");
		leavesAlone(signal, "Als ze vragen wat je later wilt worden, zeg dan gewoon kok.");
		leavesAlone(signal, "You know I love you, whatever happens.");
	}

	@Test
	void figuresOfSpeechAreNoCode() {
		leavesAlone(signal, "Keep the card safe until you get it framed, it is from the whole class.");
		leavesAlone(signal, "I hope you understand why I could not come last week.");
		leavesAlone(signal, "Ik bedoel, ik was er namens jou bij de diploma-uitreiking.");
		leavesAlone(signal, "Je weet hoe het gaat met oma, ze bakt altijd drie taarten te veel.");
		leavesAlone(signal, "I only wanted to say that you were a good friend to me back then.");
		finds(signal, "You get it? Same as before, nobody needs to hear the rest.", "You get it?");
	}

}
