package nl.postbrug.screening.rules;

import org.junit.jupiter.api.Test;

import static nl.postbrug.screening.rules.SignalAssertions.explanation;
import static nl.postbrug.screening.rules.SignalAssertions.finds;
import static nl.postbrug.screening.rules.SignalAssertions.leavesAlone;
import static org.assertj.core.api.Assertions.assertThat;

class LogisticsSignalTests {

	private final Signal signal = new LogisticsSignal();

	@Test
	void findsAQuantityATimeAndAPlaceInOneMessage() {
		finds(signal, "Lieve Koen, het regent. Drie zakken liggen bij de steiger. Maandag om half zes dus.",
				"Drie zakken liggen bij de steiger.");
		assertThat(explanation(signal, "Three bags behind the chip shop on Friday at eight.")).contains("'Three bags'")
			.contains("'Friday'")
			.contains("'behind the chip'");
	}

	@Test
	void findsAPickUpArranged() {
		finds(signal, "The box gets collected at the marina tomorrow night.",
				"The box gets collected at the marina tomorrow night.");
		finds(signal, "Het pakketje ligt zondag klaar bij de viskraam.",
				"Het pakketje ligt zondag klaar bij de viskraam.");
	}

	@Test
	void leavesVisitsShoppingAndBirthWeightsAlone() {
		leavesAlone(signal, "We komen zaterdag om 14.00 uur op bezoek en ik geef twee truien af bij de balie.");
		leavesAlone(signal, "Je nichtje is geboren, ze weegt 3200 gram. Zondag om drie uur gaan we naar oma.");
		leavesAlone(signal, "I bought two packs of nappies at the supermarket on Monday.");
	}

	@Test
	void birthsRecipesAndVisitingOrdersAreFamilyBusiness() {
		leavesAlone(signal, "Our little girl was born at 6:40 on Sunday in the Maasstad, 3 kilo and perfect.");
		leavesAlone(signal, "Het recept van oma: 2 kilo aardappels, om vijf uur op het vuur in de grote pan.");
		leavesAlone(signal, "The visiting order came, we are booked for the 3rd at 10:15.");
		leavesAlone(signal, "De auto moest naar de garage en de dealer vroeg 1.200 euro voor de remmen.");
		finds(signal, "The customers came up short again, 40 less than the week before.",
				"The customers came up short again, 40 less than the week before.");
	}

}
