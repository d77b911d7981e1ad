package nl.postbrug.screening.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * Something brought into the prison: a thing (a handset, a charger, a drone, "het kleine
 * ding", "a present"), a hiding place (a coat lining, a shoe sole, a cuddly toy, a cake)
 * and a way in (over the fence, through the laundry, at the visit, past the scanner). Any
 * two of the three in one sentence make a finding; a drone or a throw over the fence
 * needs nothing more.
 */
final class ContrabandSignal extends Signal {

	private static final Cue ITEM = Cues.of(
			"toestel(?:letje)?|telefoontje|mobieltje|mobiel|gsm|oplader|simmetje|sim|sims|simkaartje|usb|stick|het kleine ding|iets kleins|een cadeautje|tabletten|pillen|mes|naald|wat je nodig hebt|pakje|pakketje|spul|spullen|iets|briefjes",
			"handset|burner|phone|charger|sim|sims|usb|stick|the little thing|something small|a present|tablets|pills|knife|blade|needle|what you need|packet|package|parcel|stuff|something|notes");

	private static final Cue HIDDEN = Cues.of(
			"voering|zool|zolen|mouw|beha|bh|ondergoed|onderbroek|knuffel|konijnenknuffel|taart|appeltaart|koekjes|kruimeldeeg|plakband|postzegel|naad|kaft|blik|verpakking|daaronder|binnenin|genaaid|verstopt|gestopt|ingenaaid",
			"lining|sole|soles|sleeve|bra|underwear|pants|teddy|cake|pie|crumble|biscuits?|biscuit tin|tape|stamp|seam|cover|tin|wrapping|underneath|inside|sewn|hidden|hid|tucked");

	private static final Cue WAY_IN = Cues.of(
			"over het hek|over de muur|over de omheining|luchtplaats|luchten|binnen(?:brengen|gebracht|halen|krijgen)|naar binnen|mee naar binnen|meenemen|neemt (?:\\p{L}+ ){1,4}mee|via de (?:wasserij|kantine|keuken|post|werkplaats|schoonmaak\\p{L}*)"
					+ "|niet door de scanner|langs de scanner|tast(?:en)? (?:daar )?nooit|fouilleren|ramen (?:aan|op)|bij het (?:volgende )?bezoek|tijdens het bezoek|op cel|op je cel|bewakers?|bewaking|knuffelen|mee naar buiten|naar buiten smokkelen",
			"over the (?:fence|wall)|exercise yard|the yard|bring(?:s)? (?:it |something |that |things )?in|brought in|take (?:it|them|the notes) (?:in|out)|through the (?:laundry|canteen|kitchen|post|workshop)"
					+ "|skips the scanner|past the scanner|never search|windows on|at the (?:next )?visit|during the visit|in your cell|guards?|when we hug|takes? (?:the )?notes out|comes? in through|smuggle\\p{L}* out");

	private static final Cue ALONE = Cues
		.of("drone|drones|vliegend(?:e)? (?:speelgoed|ding)|flying toy|over het hek|over the fence|over de muur|over the wall");

	/** The prison's own way in: an approved parcel, what the visitors' desk allows. */
	private static final Cue ALLOWED = Cues.of(
			"is toegestaan|zijn toegestaan|goedgekeurd|mocht van|mag van de|volgens de regels|het formulier|via de inrichting|gecontroleerd|(?:officiële|officiele) weg|zegt dat dat mag",
			"approved|you're allowed|you are allowed|we're allowed|we are allowed|is allowed|are allowed|allowed to send|the form|officially|checked at|the official way");

	@Override
	String kind() {
		return "contraband";
	}

	@Override
	List<Hit> find(Sentences text) {
		List<Hit> hits = new ArrayList<>();
		for (Sentences.Sentence sentence : text.list) {
			String alone = first(ALONE, sentence);
			String item = first(ITEM, sentence);
			String hidden = first(HIDDEN, sentence);
			String wayIn = first(WAY_IN, sentence);
			int groups = (item != null ? 1 : 0) + (hidden != null ? 1 : 0) + (wayIn != null ? 1 : 0);
			if (alone != null || (groups >= 2 && !Cues.in(ALLOWED, sentence.text()))) {
				hits.add(hit(sentence, "Something to be brought into the prison", alone, item, hidden, wayIn));
			}
		}
		return hits;
	}

}
