package nl.postbrug.screening.rules;

import org.junit.jupiter.api.Test;

import static nl.postbrug.screening.rules.SignalAssertions.explanation;
import static nl.postbrug.screening.rules.SignalAssertions.finds;
import static nl.postbrug.screening.rules.SignalAssertions.leavesAlone;
import static org.assertj.core.api.Assertions.assertThat;

class PassOnSignalTests {

	private final Signal signal = new PassOnSignal();

	@Test
	void findsAnInstructionForSomeoneElseAndPointsAtItsSentence() {
		finds(signal, "Hoi, alles goed hier. Zeg tegen Wouter dat hij de bus vrijdag moet terugbrengen. Kusjes.",
				"Zeg tegen Wouter dat hij de bus vrijdag moet terugbrengen.");
		finds(signal, "Let your pal Stevie know he needs to keep the garage locked till I call.",
				"Let your pal Stevie know he needs to keep the garage locked till I call.");
		assertThat(explanation(signal, "Laat Kim weten dat ze het busje morgen moet wegzetten."))
			.contains("instruction passed on")
			.contains("'Laat Kim weten'");
	}

	@Test
	void findsAMessageRelayedAroundThePost() {
		finds(signal, "Schrijf je briefje voor Rob gewoon via mij, dan komt het goed.",
				"Schrijf je briefje voor Rob gewoon via mij, dan komt het goed.");
	}

	@Test
	void leavesGreetingsAndTheLawyerAlone() {
		leavesAlone(signal, "Zeg tegen je celgenoot dat zijn moeder hem de groeten doet.");
		leavesAlone(signal, "Tell the lads on your wing happy new year from us.");
		leavesAlone(signal, "Laat je advocaat weten dat hij de stukken moet opsturen naar ons nieuwe adres.");
		leavesAlone(signal, "Zeg tegen tante Mies dat ze je moet komen opzoeken, ze mist je.");
	}

	@Test
	void theWriterBeingToldIsNoInstructionPassedOn() {
		leavesAlone(signal, "Laat me even weten of het geld er dinsdag op staat, dan bel ik anders de bank.");
		leavesAlone(signal, "Just to let you know the new number is 06 11 22 33 44 from Monday.");
		leavesAlone(signal, "Could you tell the social worker to add my number to your list before Friday?");
		finds(signal, "Laat je broer weten dat hij zaterdag de sleutels moet brengen.",
				"Laat je broer weten dat hij zaterdag de sleutels moet brengen.");
	}

}
