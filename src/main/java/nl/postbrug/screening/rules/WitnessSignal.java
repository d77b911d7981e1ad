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
			"getuig\\p{L}*|verklaar\\p{L}*|verklaring\\p{L}*|aangifte|politie|recherch\\p{L}*|agent|agente|officier|aanklager|rechter|zitting|rechtszaak|(?:heeft|hebben|had) gepraat|lult|lullen|rat|verraden|verrader|verklikker|tipgever|aangewezen"
					+ "|heeft (?:alles )?gezien|gezien heeft|die het zag|wie er gepraat|zitten praten|foto's gemaakt|gefilmd|reclassering|directeur|bewaker|bewaking|cipier|administratie|kantine|keuken|schoonmaakster|nachtdienst",
			"witness\\p{L}*|statement|evidence|testif\\p{L}*|police|cid|detective|officer|prosecutor|judge|hearing|trial|talked|talking to|grass|grassed|snitch|informant|saw (?:it|everything)|who saw|pointed|identified|what (?:she|he) saw|took pictures|filmed"
					+ "|probation|governor|guard|screw|admin|canteen|kitchen|cleaner|night guard|sorting office|who talked|the court");

	/**
	 * Pressure in so many words: a threat, a story to change, silence, a bribe, a door
	 * left open.
	 */
	private static final Cue PRESSURE = Cues.of(
			"vergeten|weet(?:en)? (?:we )?waar|weet(?:en)? wie|we weten|bezoekje|eens langs|bij hem langs|bij haar langs|met hem praten|met haar praten|duidelijk maken|verhaal (?:\\p{L}+ )?veranderen"
					+ "|terugnemen|terug te nemen|intrekken|niet meer weet|nooit gezien|mond (?:dicht|houden)|niets zeggen|niks zeggen|(?:gaat|komt|hoeft|mag) niet naar de (?:rechtszaak|zitting)|hoeft niet te komen|zwakke plek|hoe het voelt"
					+ "|genade|we kennen|kan inzien|moet iets mee gebeuren|wat wil je dat we|is om|kijkt de andere kant|envelop|als je (?:haar|hem) \\p{L}+ geeft|is geregeld|laat de deur|deur open|hetzelfde adres|niet meer mag praten|mag niet meer|de jongens weten|weten (?:het|wie)",
			"forget|forgotten|knows? where|know who|we know|a little visit|pay (?:him|her|them) a visit|drop round|have a word|make it clear|change (?:his|her|the) story|take (?:her|his) words back|can't remember|never saw"
					+ "|keep (?:her|his|their|your) mouth shut|say a word|doesn't need to come|or else|weak spot|what it feels like|mercy|who's boss|can see the files|has to be done|what do you want us|hear from us|on side"
					+ "|look the other way|envelope|give her a hundred|been paid|leave the door|door open|same address|not to speak|the boys know|the lads know|deletes?");

	/**
	 * Where a person lives, parks or works, a visit at home: said of a witness or of the
	 * probation officer alike.
	 */
	private static final Cue FOUND = Cues.of(
			"woont|woont nu|parkeert|rijdt in|werkt bij|huisadres|krijgt bezoek|krijgen bezoek|geen probleem meer",
			"lives (?:in|at|on|near|above|with|alone|round|behind|next|opposite)|parks|drives a|works at|home address|gets a visit|get a visit|(?:won't|will not|wont) be a problem");

	/**
	 * An address, children, "a problem", a move: pressure only when said of a person, not
	 * of a hearing moved to another date or the probation service asking where he will
	 * live.
	 */
	private static final Cue LOCATED = Cues.of(
			"wonen|adres|probleem|problemen|kinderen|angstig|de baas|nieuwe adres|zit nu in|verhuisd naar",
			"address|problem|trouble|kids|scared|new address|moved to|is in \\p{L}+ now");

	/** Who spoke or saw, and the police they spoke to. */
	private static final Cue INFORMER = Cues.of(
			"getuig\\p{L}*|verklaar\\p{L}*|verklaring\\p{L}*|aangifte|politie|recherch\\p{L}*|verraden|verrader|verklikker|tipgever|aangewezen|heeft (?:alles )?gezien|gezien heeft|die het zag|wie er gepraat",
			"witness\\p{L}*|statement|evidence|testif\\p{L}*|police|cid|detective|grass|grassed|snitch|informant|saw (?:it|everything)|who saw|identified|what (?:she|he) saw|who talked");

	/** The procedure and the prison's services: people of a case only by office. */
	private static final Cue PROCEDURE = Cues.of(
			"zitting|rechtszaak|reclassering|directeur|administratie|kantine|keuken|schoonmaakster|nachtdienst",
			"hearing|trial|the court|probation|governor|admin|canteen|kitchen|cleaner|sorting office");

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
			Cue.Search match = PERSON.search(sentence.text());
			if (!match.find()) {
				continue;
			}
			String person = sentence.original(match.start(), match.end());
			boolean byOffice = PROCEDURE.pattern.matcher(match.group()).matches();
			String pressure = pressure(sentence, !byOffice);
			if (pressure != null) {
				hits.add(hit(sentence, "Pressure on a witness, informant or official, or staff turned", person,
						pressure));
				continue;
			}
			if (i + 1 < sentences.size()) {
				Sentences.Sentence next = sentences.get(i + 1);
				// an address or children a sentence later count only after someone who
				// spoke to the police, or the police themselves
				String followUp = pressure(next, INFORMER.pattern.matcher(match.group()).matches());
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

	private static String pressure(Sentences.Sentence sentence, boolean locatedCounts) {
		String pressure = first(PRESSURE, sentence);
		pressure = pressure != null ? pressure : first(FOUND, sentence);
		return pressure != null || !locatedCounts ? pressure : first(LOCATED, sentence);
	}

}
