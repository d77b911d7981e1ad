package nl.postbrug.screening.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * A hand-over being arranged. Either a quantity with a unit ("500 gram", "twintig stuks",
 * "four packs"), a time and a place in one message, two of them in one sentence; or a
 * sentence that fetches, drops or delivers goods at a place or a time ("het pakket staat
 * donderdag klaar achter de sporthal"). What is handed in at the visitors' desk or
 * brought to the prison is the ordinary business of visits and is left alone.
 */
final class LogisticsSignal extends Signal {

	private static final Cue VISIT = Cues
		.of("bezoek|bezoeken|balie|inrichting|bewaarplaats|bezoekers\\p{L}*|visit|visits|visiting|reception|the prison|visitors\\p{L}*");

	/** Supply and sale: what a trade talks about. */
	private static final Cue TRADE = Cues.of(
			"leverancier|klant|klanten|koper|kweek|kwekerij|oogst\\p{L}*|geoogst|de ronde|afzet|lading|verkoop in|bestelling|voorraad|levering|ontbraken|te licht",
			"supplier|customer|customers|buyer|harvest\\p{L}*|the round|shipment|sale in|order|supply|delivery|(?:were|was|are|is|went) missing|(?:came|come|comes|was|were|is|are) (?:up )?short|short by");

	/** A baby's weight and time of birth, a recipe: family news with units and times. */
	private static final Cue FAMILY_NEWS = Cues
		.of("geboren|bevallen|recept|oven|weegt|woog|born|gave birth|recipe|weighs|weighed|weighing");

	@Override
	String kind() {
		return "logistics";
	}

	@Override
	List<Hit> find(Sentences text) {
		List<Hit> hits = new ArrayList<>();
		int n = text.list.size();
		// each cue is looked for once per sentence: these are the most frequent cues
		String[] times = new String[n];
		String[] places = new String[n];
		boolean anyTime = false;
		boolean anyPlace = false;
		for (int i = 0; i < n; i++) {
			times[i] = first(Cues.TIME, text.list.get(i));
			places[i] = first(Cues.PLACE, text.list.get(i));
			anyTime |= times[i] != null;
			anyPlace |= places[i] != null;
		}
		for (int i = 0; i < n; i++) {
			Sentences.Sentence sentence = text.list.get(i);
			String s = sentence.text();
			if (Cues.in(VISIT, s) || Cues.in(FAMILY_NEWS, s)) {
				continue;
			}
			String quantity = first(Cues.QUANTITY, sentence);
			String time = times[i];
			String place = places[i];
			String handOver = null;
			boolean handOverLooked = false;
			if (quantity != null && (time != null || place != null) && !(anyTime && anyPlace)
					&& !Cues.in(Cues.INSTRUCTION, s)) {
				handOver = first(Cues.HAND_OVER, sentence);
				handOverLooked = true;
			}
			if (quantity != null && (time != null || place != null)
					&& ((anyTime && anyPlace) || !handOverLooked || handOver != null)) {
				hits.add(hit(sentence, "A quantity, a time and a place arranged together", quantity, time, place));
				continue;
			}
			String trade = first(TRADE, sentence);
			if (trade != null) {
				String what = quantity;
				what = what != null ? what : first(Cues.MONEY, sentence);
				what = what != null ? what : first(Cues.NUMBER, sentence);
				what = what != null ? what : time;
				if (what != null) {
					hits.add(hit(sentence, "Supply or sale of goods", trade, what));
					continue;
				}
			}
			if (!handOverLooked) {
				handOver = first(Cues.HAND_OVER, sentence);
			}
			if (handOver == null) {
				continue;
			}
			if (time == null && place == null) {
				continue;
			}
			String goods = first(Cues.GOODS, sentence);
			if ((time != null && place != null) || goods != null) {
				hits.add(hit(sentence, "A hand-over, pick-up or drop arranged", handOver, goods, time, place));
			}
		}
		return hits;
	}

}
