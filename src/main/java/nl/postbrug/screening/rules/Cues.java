package nl.postbrug.screening.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Groups of words and phrasings, Dutch and English, that the signal checks combine. Each
 * group is a regular expression over the skeleton (lower case, no accents), matched as
 * whole words. A group on its own proves nothing: a time, a place or an amount is in most
 * family letters; the signals look for the combinations that arrange something.
 */
final class Cues {

	private Cues() {
	}

	/**
	 * Alternatives matched as whole words. The plain words and phrases among them are
	 * merged into one tree of shared prefixes ("pak(?:je(?:s|)|ken)"), so a position is
	 * tried against a few first letters instead of every alternative in turn: the regular
	 * expressions of the signals were most of screening's time. Where several
	 * alternatives match at one place, the longest plain one is taken.
	 */
	static Cue of(String... alternatives) {
		List<String> plain = new ArrayList<>();
		List<String> patterns = new ArrayList<>();
		for (String group : alternatives) {
			for (String alternative : topLevel(group)) {
				(PLAIN.matcher(alternative).matches() ? plain : patterns).add(alternative);
			}
		}
		StringBuilder body = new StringBuilder();
		if (!plain.isEmpty()) {
			Node root = new Node();
			plain.forEach(root::add);
			root.write(body);
		}
		for (String pattern : patterns) {
			body.append(body.isEmpty() ? "" : "|").append(pattern);
		}
		List<String> all = new ArrayList<>(plain);
		all.addAll(patterns);
		return new Cue(Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + body + ")(?![\\p{L}\\p{N}])"), all);
	}

	/**
	 * An alternative without regular-expression syntax: letters, digits, spaces, ' and -.
	 */
	private static final Pattern PLAIN = Pattern.compile("[\\p{L}\\p{N} '-]+");

	/**
	 * The alternatives of a regular expression at its top level (not inside groups or
	 * classes).
	 */
	static List<String> topLevel(String regex) {
		List<String> parts = new ArrayList<>();
		int depth = 0;
		boolean inClass = false;
		int start = 0;
		for (int i = 0; i < regex.length(); i++) {
			char c = regex.charAt(i);
			if (c == '\\') {
				i++;
			}
			else if (inClass) {
				inClass = c != ']';
			}
			else if (c == '[') {
				inClass = true;
			}
			else if (c == '(') {
				depth++;
			}
			else if (c == ')') {
				depth--;
			}
			else if (c == '|' && depth == 0) {
				parts.add(regex.substring(start, i));
				start = i + 1;
			}
		}
		parts.add(regex.substring(start));
		return parts;
	}

	/** A tree of shared prefixes, written out as nested alternations. */
	private static final class Node {

		private final java.util.TreeMap<Character, Node> next = new java.util.TreeMap<>();

		private boolean ends;

		void add(String word) {
			Node node = this;
			for (int i = 0; i < word.length(); i++) {
				node = node.next.computeIfAbsent(word.charAt(i), c -> new Node());
			}
			node.ends = true;
		}

		void write(StringBuilder out) {
			if (next.size() == 1 && !ends) {
				var only = next.firstEntry();
				out.append(only.getKey());
				only.getValue().write(out);
				return;
			}
			if (next.isEmpty()) {
				return;
			}
			out.append("(?:");
			String sep = "";
			for (var entry : next.entrySet()) {
				out.append(sep).append(entry.getKey());
				entry.getValue().write(out);
				sep = "|";
			}
			// the word may end here too: tried after the longer ones
			out.append(ends ? "|)" : ")");
		}

	}

	static final String NUMBER_WORD = "een|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|vijftien|twintig|dertig|veertig|vijftig|zestig|honderd|duizend|half|halve|halfje"
			+ "|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|hundred|a hundred|half a";

	/** A bare count of goods for a day ("twintig voor zondag", "twenty for Sunday"). */
	private static final String COUNT_FOR_DAY = "(?:\\d+|" + NUMBER_WORD
			+ ") (?:voor|for|tegen) (?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|monday|tuesday|wednesday|thursday|friday|saturday|sunday|morgen|tomorrow|tonight|vanavond)";

	/** A quantity with a unit that goods are counted or weighed in. */
	static final Cue QUANTITY = of("(?:\\d+(?:[.,]\\d+)?|" + NUMBER_WORD + ") ?(?:"
			+ "gram|gr|grams|g|kilo|kilos|kilo's|kg|ons|onsjes|stuks|stuk|pieces|pcs|pakjes|pakje|pakken|pakketjes|pakketten|packets|packages|packs|parcels"
			+ "|bags|zakken|zakjes|tassen|dozen|boxes|blokken|blocks|bricks|platen|liter|litres|liters|bolletjes|ballonnen|balloons|flessen|bottles"
			+ "|tabletten|tablets|pillen|pills|rolletjes|rolls|stukken|ladingen|loads|kratten|crates|bundels|bundles)",
			COUNT_FOR_DAY);

	private static final String DAY = "maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|monday|tuesday|wednesday|thursday|friday|saturday|sunday";

	private static final String HOUR = "\\d{1,2}|een|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve";

	/** A day or a time of day. */
	static final Cue TIME = of(
			"(?:" + DAY + ")(?:avond|nacht|ochtend|middag|morgen)?(?: ?(?:night|morning|evening|afternoon))?",
			"(?:morgen|overmorgen)(?:avond|ochtend|middag|vroeg|nacht)?",
			"vanavond|vannacht|vanmiddag|tomorrow|tonight|overnight", "\\d{1,2}[:.]\\d{2}(?: ?uur)?",
			"om (?:" + HOUR + "|half (?:" + HOUR + ")|kwart (?:over|voor) (?:" + HOUR + "))(?: uur)?",
			"(?:" + HOUR + ") uur",
			"at (?:" + HOUR + "|half (?:past )?(?:" + HOUR + ")|quarter (?:past|to) (?:" + HOUR
					+ "))(?: o'clock| ?am| ?pm)?",
			"(?:" + HOUR + ") ?(?:o'clock|am|pm)",
			"elke week|iedere week|every week|middernacht|midnight|after dark|na donker|'s nachts|'s avonds laat|de \\d{1,2}e|the \\d{1,2}(?:st|nd|rd|th)");

	private static final String SAFE_PLACES = "bezoek|bezoekers|balie|inrichting|gevangenis|ziekenhuis|rechtbank|school|kerk|bibliotheek|tandarts|huisarts|dokter|winkel|supermarkt|bank|zitting|telefoon|weekend|week|maand|ochtend|middag|avond|brief|envelop|foto|tuin|familie|buurt"
			+ "|visit|visits|visitors|reception|prison|hospital|court|church|library|dentist|doctor|gp|shop|supermarket|bank|hearing|phone|weekend|week|month|morning|afternoon|evening|letter|envelope|photo|garden|family|village|house|home|zoo|seaside|woods|way|end|same|first|next|last|new|old|whole|kids|moment|meantime";

	/**
	 * Places where things are handed over, fetched or dropped, and nouns that name no
	 * such place (the visit room, the hospital) kept apart.
	 */
	static final Cue PLACE = of(
			"(?:bij|achter|naast|onder|aan|op|in|langs) (?:de|het|die|dat|een) (?!(?:" + SAFE_PLACES
					+ ")\\b)\\p{L}{3,}",
			// "voor de" is "for the" or "before the" far more often than "in front of"
			"voor (?:de|het) (?:deur|ingang|poort|hek|huis|flat|station|winkel)",
			"(?:at|behind|by|near|outside|next to|under|on|in|round) (?:the|a) (?!(?:" + SAFE_PLACES
					+ ")\\b)\\p{L}{3,}",
			"(?:tankstation|pomp|parkeerplaats|bushalte|station|loods|garage|schuur|kade|brug|markt|wasstraat|sporthal|hek|poort|box|opslag|kelder|zolder"
					+ "|car park|bus stop|services|lay-by|unit|shed|quay|bridge|market|car wash|gate|fence|lock-up|storage|loft|cellar)");

	/** A street address: where someone lives or where to go. */
	static final Cue ADDRESS = of("\\p{L}+(?:straat|weg|laan|plein|gracht|kade|singel|dijk|hof|park) \\d+\\p{L}?",
			"\\d+[a-z]? \\p{L}+ (?:street|road|lane|avenue|close|drive|way|crescent|terrace)", "nummer \\d+",
			"number \\d+");

	/** A bare number: how many, when it is clear what of. */
	static final Cue NUMBER = of("\\d+", NUMBER_WORD);

	/** Goods named without naming them. */
	static final Cue GOODS = of(
			"spul|spullen|het spul|de waar|waar|pakje|pakjes|pakketje|pakket|tas|tassen|dozen|envelop|bestelling|lading|levering|de rest|het geld|voorraad|materiaal|apparaten|stukken|stuks",
			"stuff|gear|the goods|package|packet|parcel|bag|bags|boxes|envelope|order|delivery|load|supply|the rest|the cash|the money|pieces|product|the work");

	/** Handing over, fetching, dropping, hiding. */
	static final Cue HAND_OVER = of(
			"ophalen|ophaalt|opgehaald|haal(?:t)? (?:\\p{L}+ ){0,3}op|afgeven|afgegeven|geeft (?:\\p{L}+ ){0,2}af|afleveren|aflevert|afgeleverd|leveren|levert|geleverd|wegbrengen|brengen|brengt|gebracht|neerleggen|neergelegd|gelegd|legt|klaarliggen|(?:ligt|liggen|staat|staan) (?:\\p{L}+ ){0,3}klaar|klaarligt|klaarstaat|klaar staan|klaarstaan|verstoppen|verstopt|verdelen|oppikken|droppen|gedropt|komt (?:\\p{L}+ ){0,6}aan|aankomen|wachten op|wacht op|leeghalen|verkopen|verkocht|weghalen|komt|komen|gelaten|laten liggen",
			"pick(?:ed|s)? (?:\\p{L}+ )?up|collect(?:ed|s)?|drop(?:ped|s)?(?: (?:it|them|off))?|hand(?:ed|s)? (?:it |them )?over|deliver(?:ed|s|y)?|be ready|is ready|are ready|waiting for|stash(?:ed)?|hid(?:e|den)?|move(?:d)? (?:it|them)|leave (?:it|them)|left (?:\\p{L}+ ){0,3}with|bring(?:s)? (?:it|them)|take (?:it|them)|arrives|coming over|goes over|clear(?:ed)? out|empty|sold|sell|comes?|left");

	/** An order or a condition: what is passed on is to be done. */
	static final Cue INSTRUCTION = of(
			"moet|moeten|hoeft|hoeven|mag niet|mag niemand|mogen niet|niet meer|zorg|zorgen|niemand|anders|meteen|vandaag nog|direct|alleen nog",
			"must|has to|have to|needs? to|should|got to|is to|are to|not to|don't|do not|nobody|no one|or else|make sure|only use|today|straight away|right away");

	/** An amount of money, in figures or in slang. */
	static final Cue MONEY = of(
			"geld|money|cash|contant|contanten|contante|euro|eur|pond|pounds?|quid|grand|ruggen|rooie|rooien|briefjes|fifties|tientjes|bedrag|amount|opbrengst|proceeds"
					+ "|schuld|schulden|debt|debts|lening|loan|rente|interest|betalen|betaald|betaalt|pay|paid|pays|owe|owes|owed|overgemaakt|overmaken|storten|stort|gestort|transferred|transfer"
					+ "|rekening|rekeningen|account|accounts|\\d{3,}|\\d+k|[€£] ?\\d+");

	static boolean in(Cue cue, String text) {
		return cue.in(text);
	}

	/** The first match of a cue in a sentence, or {@code null}. */
	static String first(Cue cue, String text) {
		return cue.first(text);
	}

}
