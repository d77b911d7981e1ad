package nl.postbrug.screening.rules;

import org.junit.jupiter.api.Test;

import static nl.postbrug.screening.rules.SignalAssertions.finds;
import static nl.postbrug.screening.rules.SignalAssertions.leavesAlone;

class ContrabandSignalTests {

	private final Signal signal = new ContrabandSignal();

	@Test
	void findsAThingWithAHidingPlaceOrAWayIn() {
		finds(signal, "Er zit een oplader in de zool van je nieuwe slippers.",
				"Er zit een oplader in de zool van je nieuwe slippers.");
		finds(signal, "A burner comes in through the kitchen on Friday.",
				"A burner comes in through the kitchen on Friday.");
		finds(signal, "Onze neef laat zaterdag de drone opstijgen vanaf het weiland.",
				"Onze neef laat zaterdag de drone opstijgen vanaf het weiland.");
	}

	@Test
	void leavesParcelsOfClothesAndKindStaffAlone() {
		leavesAlone(signal, "Het pakket met je winterkleren is maandag bij de balie afgegeven.");
		leavesAlone(signal, "The officer at the gate helped nan with her wheelchair.");
		leavesAlone(signal, "Oma heeft een taart gebakken voor je verjaardag, jammer dat je hem niet kunt proeven.");
	}

	@Test
	void whatThePrisonAllowsIsNoSmuggling() {
		leavesAlone(signal, "The approved parcel goes out Monday, trainers in the box with the receipt inside.");
		leavesAlone(signal, "Ze mag haar knuffel meenemen, die wordt bij de ingang gecontroleerd.");
		finds(signal, "The guards never open the nappy bag, so the little phone goes under the wipes.",
				"The guards never open the nappy bag, so the little phone goes under the wipes.");
	}

}
