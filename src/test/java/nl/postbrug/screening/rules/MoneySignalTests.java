package nl.postbrug.screening.rules;

import org.junit.jupiter.api.Test;

import static nl.postbrug.screening.rules.SignalAssertions.finds;
import static nl.postbrug.screening.rules.SignalAssertions.leavesAlone;

class MoneySignalTests {

	private final Signal signal = new MoneySignal();

	@Test
	void findsMoneyMovedOutOfSight() {
		finds(signal, "Ik zet het geld op naam van zijn schoonzus, dat valt minder op.",
				"Ik zet het geld op naam van zijn schoonzus, dat valt minder op.");
		finds(signal, "Put the money in small amounts on the cards, never more than a few hundred.",
				"Put the money in small amounts on the cards, never more than a few hundred.");
	}

	@Test
	void findsADebtPressedEvenInTheNextSentence() {
		finds(signal, "Pieter heeft die lening nooit afgelost. Vanaf maandag komt er elke week 10 procent bij.",
				"Pieter heeft die lening nooit afgelost.");
		finds(signal, "Mark owes us 900 and this is his last chance, tell him that.",
				"Mark owes us 900 and this is his last chance, tell him that.");
	}

	@Test
	void leavesTheShopAccountRentAndBillsAlone() {
		leavesAlone(signal, "Ik heb 40 euro op je winkelrekening gezet en de huur van 780 euro betaald.");
		leavesAlone(signal, "We paid the dentist's bill, 130, and the insurance covers the rest.");
		leavesAlone(signal,
				"We hebben de schuld bij de energiemaatschappij afbetaald, nog twee termijnen van 80 euro.");
	}

	@Test
	void otherwiseIsNoThreatAndThePrisonsAccountNumberIsNoHiding() {
		leavesAlone(signal, "Ik heb de toeslag aangepast, anders moeten we volgend jaar alles terugbetalen.");
		leavesAlone(signal, "I sent 50 euros through the account number the prison gave us.");
		finds(signal, "Hij moet nog 300 terugbetalen, anders weet hij wat er gebeurt.",
				"Hij moet nog 300 terugbetalen, anders weet hij wat er gebeurt.");
	}

}
