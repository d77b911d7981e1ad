package nl.postbrug.screening.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * Money moved out of sight or debts collected. Amounts are everywhere in family letters
 * (the shop account, the rent, the dentist), so an amount alone is nothing: the sentence
 * must also hide where money goes (someone else's account, small amounts, "zodat de bank
 * niks vraagt"), press a debt (a deadline, interest, "he knows what happens"), or keep or
 * share out cash.
 */
final class MoneySignal extends Signal {

	private static final Cue HIDDEN = Cues.of("zodat (?:de bank|niemand|het niemand|ze niet|niemand het)",
			"dan ziet niemand", "valt (?:het )?niemand op", "op naam van",
			"via (?:de|het|zijn|haar) (?:rekening|bedrijf|stichting|kapper|zaak|kaart)",
			"rekening(?:en)? van (?:zijn|haar|de (?:stichting|kinderen|vriendin|broer|zus|moeder|neef|nicht|tante|oom|zaak)|het bedrijf)",
			"niet (?:meer )?(?:via|naar|op) (?:je|jouw) (?:eigen )?rekening", "niet naar die van", "kleine bedragen",
			"onder de (?:duizend|\\d+)", "in (?:twee|drie|vier|\\d) (?:delen|stukken|keer)", "witwassen", "zwart",
			"so (?:that )?(?:the bank|nobody|no one)", "that way nobody", "nobody notices", "in (?:the )?name of",
			"through (?:the|his|her|your) (?:account|company|business|charity|barber|card)(?! number)",
			"accounts? of (?:his|her|your|the) (?:[\\p{L}']+ )?(?:nephew's |niece's )?(?:nephew|niece|charity|company|business|girlfriend|sister|brother|mum|kids|children|cousin)",
			"not (?:through|to|into) your own", "small amounts", "under (?:a )?(?:thousand|grand|\\d+)",
			"into (?:two|three|four|\\d) (?:payments|parts|lots)", "launder\\p{L}*", "off the books",
			"betalen (?:\\p{L}+ ){0,3}buiten", "buiten betalen", "pay (?:\\p{L}+ ){0,3}outside",
			"naar de rekeningen van", "to the accounts of", "de kaart van (?:zijn|haar)",
			"(?:his|her) (?:girlfriend's|sister's|mum's) card");

	private static final Cue DEBT = Cues.of(
			"schuld|schulden|moet nog|nog (?:\\p{L}+ ){0,2}(?:van je )?(?:krijgen|betalen)|niet betaald|nog steeds niet binnen|niet (?:meer )?binnen|rente|afbetalen|terugbetalen|lening|af te lossen|aflossen|betaald is",
			"owes?|still owes|hasn't paid|not paid|still hasn't|hasn't come in|interest|pay (?:it )?back|debt|loan|still wants");

	private static final Cue PRESSURE = Cues.of(
			"ongeduldig|weet wat er gebeurt|laatste kans|laatste waarschuwing|tijd is om|we weten|anders(?! (?:moet|moeten|kan|kunnen|zou|zouden) (?:we|ik|jij|je|ze|wij))|voor (?:het )?eind|per week|oploopt|loopt op|moet (?:het )?(?:komen )?brengen|binnen (?:moet )?(?:betalen|afbetalen)|moet (?:het )?binnen"
					+ "|overgenomen|gaat naar (?:jou|je)|regel dat|procent|zijn (?:vrouw|zus|moeder|broer|vriendin)|termijnen bij|komt de rente|we zijn (?:zus|moeder)|haal ik (?:\\p{L}+ ){0,2}op|ophalen|innen|vergeet|weten te vinden|binnen(?! (?:zit|zat|zitten|bent|was))|pas als",
			"impatient|losing patience|last chance|final warning|time is up|knows what happens|we know|or else|by the end|a week|build up|goes up|has to bring|pay it inside|took over|passed to|sort it|percent|his (?:missus|wife|sister|mum|brother|girlfriend)|instalments to|collect|forgets|know where|only when");

	private static final Cue CASH = Cues
		.of("contant(?:e|en)? geld|contanten|cash|briefjes van \\p{L}+|fifties|tas met (?:het )?geld|bag with the cash|envelop(?:pe)? (?:met|with)|de opbrengst|the proceeds"
				+ "|jouw deel|je deel|your cut|your share|je aandeel|jouw aandeel|het geld van de verkoop|the money from the sale|de kluis|the safe");

	private static final Cue KEPT = Cues.of(
			"zit in|zitten in|ligt bij|liggen bij|op zolder|in de kelder|verstoppen|verstopt|bewaart|bewaren|tel het|geeft (?:het )?aan|naar \\p{L}+ brengen|brengen|leeghalen|verdelen|gaat naar",
			"is with|in the boxes|in the loft|hide|hidden|keeps?|count it|give (?:it )?to|gives? it to|take (?:it|the \\p{L}+) to|empty|goes to|bring it");

	@Override
	String kind() {
		return "money";
	}

	@Override
	List<Hit> find(Sentences text) {
		List<Hit> hits = new ArrayList<>();
		for (int i = 0; i < text.list.size(); i++) {
			Sentences.Sentence sentence = text.list.get(i);
			String money = first(Cues.MONEY, sentence);
			String hidden = first(HIDDEN, sentence);
			if (money != null && hidden != null) {
				hits.add(hit(sentence, "Money moved out of sight", money, hidden));
				continue;
			}
			String debt = first(DEBT, sentence);
			String pressure = first(PRESSURE, sentence);
			if (debt != null && pressure == null && i + 1 < text.list.size()) {
				pressure = first(PRESSURE, text.list.get(i + 1));
			}
			if (debt != null && pressure != null) {
				hits.add(hit(sentence, "A debt pressed or collected", debt, pressure));
				continue;
			}
			String cash = first(CASH, sentence);
			String kept = first(KEPT, sentence);
			if (cash != null && kept != null) {
				hits.add(hit(sentence, "Cash kept, shared out or carried", cash, kept));
			}
		}
		return hits;
	}

}
