package nl.postbrug.screening.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * Pressure on the people of a case, and staff turned: a witness, informant, police
 * officer, prosecutor, judge or prison officer, together with a threat, a home address, a
 * story to change, silence to keep, or a bribe. The person and the pressure may stand in
 * two sentences that follow each other ("Je weet wie er gepraat heeft. Zijn moeder woont
 * nog op hetzelfde adres."). Court dates and lawyers mentioned in passing are left alone.
 */
final class WitnessSignal extends Signal {

	private static final Cue PERSON = Cues.of(
			"getuig\\p{L}*|verklaar\\p{L}*|verklaring\\p{L}*|aangifte|politie|recherch\\p{L}*|agent|agente|officier|aanklager|rechter|zitting|rechtszaak|gepraat|lult|lullen|rat|verraden|verrader|verklikker|tipgever|aangewezen"
					+ "|heeft (?:alles )?gezien|gezien heeft|die het zag|wie er gepraat|zitten praten|foto's gemaakt|gefilmd|reclassering|directeur|bewaker|bewaking|cipier|administratie|kantine|keuken|schoonmaakster|nachtdienst",
			"witness\\p{L}*|statement|evidence|testif\\p{L}*|police|cid|detective|officer|prosecutor|judge|hearing|trial|talked|talking to|grass|grassed|snitch|informant|saw (?:it|everything)|who saw|pointed|identified|what (?:she|he) saw|took pictures|filmed"
					+ "|probation|governor|guard|screw|admin|canteen|kitchen|cleaner|night guard|sorting office|who talked|the court");

	private static final Cue PRESSURE = Cues.of(
			"vergeten|weet(?:en)? (?:we )?waar|weet(?:en)? wie|we weten|woont|wonen|adres|bezoekje|eens langs|bij hem langs|bij haar langs|met hem praten|met haar praten|duidelijk maken|verhaal (?:\\p{L}+ )?veranderen"
					+ "|terugnemen|terug te nemen|intrekken|niet meer weet|nooit gezien|mond (?:dicht|houden)|niets zeggen|niks zeggen|niet naar de (?:rechtszaak|zitting)|hoeft niet te komen|anders|probleem|problemen|kinderen|zwakke plek|angstig|hoe het voelt"
					+ "|genade|de baas|we kennen|parkeert|rijdt in|werkt bij|kan inzien|moet iets mee gebeuren|wat wil je dat we|van ons|is om|kijkt de andere kant|envelop|als je (?:haar|hem) \\p{L}+ geeft|is geregeld|laat de deur|deur open|nieuwe adres|hetzelfde adres|we weten|niet meer mag praten|mag niet meer|zit nu in|woont nu|verhuisd naar|de jongens weten|weten (?:het|wie)",
			"forget|forgotten|knows? where|know who|we know|lives|address|a little visit|pay (?:him|her|them) a visit|drop round|have a word|make it clear|change (?:his|her|the) story|take (?:her|his) words back|can't remember|never saw"
					+ "|keep (?:her|his|their|your) mouth shut|say a word|doesn't need to come|or else|problem|trouble|kids|weak spot|scared|what it feels like|mercy|who's boss|parks|drives a|works at|can see the files|has to be done|what do you want us|hear from us|on side"
					+ "|look the other way|envelope|give her a hundred|been paid|leave the door|door open|new address|same address|not to speak|moved to|is in \\p{L}+ now|the boys know|the lads know|deletes?");

	@Override
	String kind() {
		return "witnesses";
	}

	@Override
	List<Hit> find(Sentences text) {
		List<Hit> hits = new ArrayList<>();
		List<Sentences.Sentence> sentences = text.list;
		for (int i = 0; i < sentences.size(); i++) {
			Sentences.Sentence sentence = sentences.get(i);
			String silence = first(SILENCE, sentence);
			if (silence != null) {
				hits.add(hit(sentence, "Silence demanded", silence));
				continue;
			}
			String person = first(PERSON, sentence);
			if (person == null) {
				continue;
			}
			String pressure = first(PRESSURE, sentence);
			if (pressure != null) {
				hits.add(hit(sentence, "Pressure on a witness, informant or official, or staff turned", person,
						pressure));
				continue;
			}
			if (i + 1 < sentences.size()) {
				Sentences.Sentence next = sentences.get(i + 1);
				String followUp = first(PRESSURE, next);
				if (followUp != null) {
					hits.add(hit(next, "Pressure on a witness, informant or official, or staff turned", person,
							followUp));
				}
			}
		}
		return hits;
	}

	/** Silence demanded of the family or of people who know something. */
	private static final Cue SILENCE = Cues.of("mond (?:dicht )?hou\\p{L}*", "mond dicht",
			"niemand (?:\\p{L}+ ){0,4}zegt (?:er )?iets", "zeg tegen niemand", "geen woord", "niks loslaten",
			"keep (?:\\p{L}+ )?mouth shut", "nobody (?:\\p{L}+ ){0,4}says a word", "not a word", "don't tell anyone",
			"tell no one");

	private static final Cue INFORMER = Cues.of(
			"getuig\\p{L}*|verklaar\\p{L}*|gepraat|lult|rat|verraden|verklikker|aangewezen|heeft (?:alles )?gezien|die het zag|wie er gepraat",
			"witness\\p{L}*|statement|evidence|testif\\p{L}*|talked|grass|grassed|snitch|informant|saw (?:it|everything)|who saw|pointed|identified|who talked");

	private static boolean isInformer(String person) {
		return INFORMER.pattern.matcher(person).matches();
	}

}
