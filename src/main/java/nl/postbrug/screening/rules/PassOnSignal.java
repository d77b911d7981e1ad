package nl.postbrug.screening.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * An instruction the prisoner is to pass on to someone else, or the writer offers to pass
 * on: "zeg tegen … dat hij … moet", "laat … weten", "geef door aan", "tell … to", "let …
 * know", "pass it on", "through me". A greeting passed on ("zeg tegen je celgenoot dat
 * zijn moeder hem groet") is not one: the sentence must also order something or carry a
 * time, a place, an amount or goods. Passing something on to the prisoner's lawyer,
 * mentor, doctor or chaplain is left alone.
 */
final class PassOnSignal extends Signal {

	private static final Cue RELAY = Cues.of("zeg(?:t|gen)?(?: \\p{L}+){0,2} tegen",
			"vertel(?:t)? (?:het |maar |dit )?(?:aan )?(?!me |mij |ons )\\p{L}+",
			"laat(?! (?:(?:het|maar|even|dan|gerust) )*(?:me|mij|ons|je|jou|u)(?: (?:het|maar|even|dan|gerust))* weten)(?: [\\p{L}']+){1,5} weten",
			"geef(?: \\p{L}+){1,8} door", "door(?:geven|gegeven|sturen|spelen)",
			"geef (?:\\p{L}+ ){1,8}aan (?!je |jou )\\p{L}+", "vraag (?:aan |of |om )(?:\\p{L}+)?",
			"breng(?: \\p{L}+){0,3} op de hoogte", "via mij", "tell (?!me |us |you )\\p{L}+",
			"let (?!(?:me|us|you) (?:\\p{L}+ )?know)(?:[\\p{L}']+ ){1,4}know",
			"pass (?:this |it |that |these |them |my \\p{L}+ |the \\p{L}+ )?(?:on|to)",
			"ask (?!how |what |when |where |why )(?:\\p{L}+ ){1,2}(?:to|if|whether)",
			"get (?!enough |back |home |ready |used |there |close )\\p{L}+ to",
			"make sure (?:\\p{L}+ ){1,3}(?:knows|gets|is)", "give (?:this|that|it|the|these|my)(?: [\\p{L}']+){0,8} to",
			"through me", "copy them out");

	/**
	 * A channel around the prison's post: the writer relays, or the hand is disguised.
	 */
	private static final Cue CHANNEL = Cues.of("via mij", "through me", "copy (?:them|it) out",
			"schrijf (?:het|ze) over", "in (?:je|jouw|mijn) eigen handschrift", "in your own handwriting",
			"geef het door", "pass it on", "niet meer (?:zelf|rechtstreeks)", "not (?:yourself|directly) any more",
			"yourself any more", "via (?:zijn|haar) (?:vriendin|vriend|zus|broer|moeder) lopen",
			"go through (?:his|her) (?:girlfriend|friend|sister|brother|mum)");

	/** Asking someone to visit is family business. */
	private static final Cue VISITING = Cues.of("opzoeken|op bezoek|bezoeken|visit (?:me|you|him|her)|come and see");

	/** What makes a passed-on line more than a greeting. */
	private static final Cue ALSO = Cues.of("dat ook", "hetzelfde", "the same", "dat we", "that we", "we know",
			"we weten");

	/** People whose messages are the prisoner's own business. */
	private static final Cue OWN_BUSINESS = Cues
		.of("advocaat|advocate|mentor|arts|dokter|huisarts|tandarts|verpleging|imam|dominee|pastoor|priester|geestelijk verzorger"
				+ "|reclassering|maatschappelijk werker|sociaal werker|casemanager|social worker|case worker|caseworker|docent|leraar|juf|bibliotheek|solicitor|lawyer|key worker|chaplain|vicar|doctor|nurse|healthcare|probation"
				+ "|teacher|instructor|wing office|library|oma|opa|nan|gran|grandad|mum|mam|mama|moeder|mother");

	@Override
	String kind() {
		return "pass-on";
	}

	@Override
	List<Hit> find(Sentences text) {
		List<Hit> hits = new ArrayList<>();
		for (Sentences.Sentence sentence : text.list) {
			String channel = first(CHANNEL, sentence);
			if (channel != null) {
				hits.add(hit(sentence, "A message relayed around the prison's post", channel));
				continue;
			}
			Cue.Search relay = RELAY.search(sentence.text());
			if (!relay.find()) {
				continue;
			}
			String window = sentence.text()
				.substring(relay.start(), Math.min(sentence.text().length(), relay.end() + 25));
			if (Cues.in(OWN_BUSINESS, window) || Cues.in(VISITING, sentence.text())) {
				continue;
			}
			String rest = sentence.text().substring(relay.end());
			String order = Cues.first(Cues.INSTRUCTION, rest);
			String detail = firstOf(rest, Cues.QUANTITY, Cues.MONEY, Cues.GOODS, Cues.TIME, Cues.HAND_OVER,
					Cues.ADDRESS, ALSO);
			if (order != null || detail != null) {
				hits.add(hit(sentence, "An instruction passed on to someone else",
						sentence.original(relay.start(), relay.end()), order, detail));
			}
		}
		return hits;
	}

	private static String firstOf(String text, Cue... cues) {
		for (Cue cue : cues) {
			String found = Cues.first(cue, text);
			if (found != null) {
				return found;
			}
		}
		return null;
	}

}
