package nl.postbrug.screening.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * Coded or evasive wording: a code agreed in the letter ("vanaf nu zeg ik 'bloemen' als
 * ik de bestelling bedoel", "cake is the stuff"), or a reference only the two of them
 * understand ("hij weet welk huis", "same place as last time", "dat blijft tussen ons")
 * about goods, a place, a time or money. An arrangement with the prison ("zoals
 * afgesproken met de inrichting") is left alone.
 */
final class CodedSignal extends Signal {

	private static final Cue CODEBOOK = Cues.of("als ik '?\\p{L}+'? (?:zeg|schrijf|bedoel)",
			"(?:zeg|schrijf) ik '\\p{L}+'", "is het (?:spul|geld|werk)", "gebruiken (?:we )?(?:de |het )?woord(?:en)?",
			"het woord '", "codewoord", "snap je", "je begrijpt het wel", "begrijp je", "when i say '?\\p{L}+'?",
			"i say '\\p{L}+'", "is the (?:stuff|money|gear|work)", "use (?:the )?words?", "the word '", "code word",
			"you get it(?= ?(?:\\?|right|yeah)|[.!]?$)", "you understand(?= ?(?:\\?|me|what i mean|right))",
			"if you get me", "woorden van \\p{L}+", "\\p{L}+'s words", "met (?:\\p{L}+ ){1,3}bedoel(?:t)? ik",
			"by (?:\\p{L}+ ){1,3}i mean", "i mean the");

	private static final Cue SHARED = Cues.of(
			"(?:jij|je|hij|ze|zij|de jongens|iedereen) (?:weet|weten) (?:wel )?(?:wat|waar|welk\\p{L}*|wie|wanneer)",
			"zoals (?:we )?(?:afgesproken|besproken)(?! met)", "zoals vorige keer",
			"zelfde (?:plek|tijd|adres|plaats|parkeerplaats)", "waar we het over hadden", "dat blijft tussen ons",
			"niemand mag (?:het )?weten", "niemand mag ernaar", "het klusje", "het werk wacht", "luisteren mee",
			"niet in je eigen handschrift", "niemand ziet", "oude nummers", "seintje", "de lange", "de grote man",
			"onze vriend", "de oude plek", "niet meer veilig", "jij weet waar",
			"(?:you|he|she|they|the boys|the lads) knows? (?:what|where|which|who|when|how|the routine)",
			"like (?:we said|last time|we agreed|we discussed)", "as (?:agreed|discussed)(?! with)",
			"same (?:place|time|address|spot|car park)", "we talked about", "stays between us",
			"nobody (?:can|must|may) know", "little job", "the work is waiting", "listen to everything",
			"not in your own handwriting", "nobody sees", "old numbers", "your signal", "the tall one", "the big man",
			"our friend", "the old place", "is burned", "is not safe", "you get me");

	/** Evading the investigation: a story agreed, evidence or proceeds got rid of. */
	private static final Cue EVASION = Cues.of("voordat ze (?:\\p{L}+ ){0,4}(?:vinden|komen|zoeken)", "met een bevel",
			"voordat (?:de|er een) (?:huiszoeking|inval)", "(?:huiszoeking|inval) komt", "laten verdwijnen",
			"moet verdwijnen", "over de grens", "kentekenplaten", "valse platen", "klopt het verhaal",
			"zeggen dat (?:de|het) \\p{L}+ van hem was", "geen strafblad", "dan krijg jij minder", "alibi",
			"before they (?:\\p{L}+ ){0,3}(?:find|come|search)", "with a warrant", "before (?:the|a) raid",
			"get rid of", "vanish", "across the border", "the plates", "story matches",
			"say the \\p{L}+ was (?:his|hers)", "hasn't got a record", "you'll get less", "weggooien voordat",
			"bin it before");

	/** The start of a story for the police or the court ... */
	private static final Cue STORY = Cues.of("als iemand (?:het )?vraagt", "als ze (?:\\p{L}+ )?vragen",
			"als (?:je|jouw|de) \\p{L}+ vraagt", "zeg dan dat", "zeg (?:maar )?dat (?:je|jij|we|hij|ze)",
			"if anyone asks", "if they ask", "if (?:your|the) \\p{L}+ asks", "say it was", "say that",
			"say (?:you|we|he) (?:were|was)");

	/** ... and the fact it is to fix. */
	private static final Cue STORY_FACT = Cues.of("die avond|die nacht|geld vandaan|erfenis|van hem was|thuis",
			"that night|money came from|inheritance|was his|at home|home with");

	@Override
	String kind() {
		return "coded";
	}

	@Override
	List<Hit> find(Sentences text) {
		List<Hit> hits = new ArrayList<>();
		for (Sentences.Sentence sentence : text.list) {
			String code = first(CODEBOOK, sentence);
			if (code != null) {
				hits.add(hit(sentence, "Wording agreed as a code", code));
				continue;
			}
			String evasion = first(EVASION, sentence);
			if (evasion == null && first(STORY, sentence) != null) {
				String fact = first(STORY_FACT, sentence);
				evasion = fact == null ? null : first(STORY, sentence) + "' … '" + fact;
			}
			if (evasion != null) {
				hits.add(hit(sentence, "Evading the investigation", evasion));
				continue;
			}
			Cue.Search sharedCues = SHARED.search(sentence.text());
			if (!sharedCues.find()) {
				continue;
			}
			String shared = sharedCues.group();
			if (sharedCues.find() && !sharedCues.group().equals(shared)) {
				hits.add(hit(sentence, "A reference only the writer and the reader understand", shared,
						sharedCues.group()));
				continue;
			}
			String about = first(Cues.GOODS, sentence);
			about = about != null ? about : first(Cues.QUANTITY, sentence);
			about = about != null ? about : first(Cues.PLACE, sentence);
			about = about != null ? about : first(Cues.TIME, sentence);
			about = about != null ? about : first(Cues.MONEY, sentence);
			about = about != null ? about : first(Cues.HAND_OVER, sentence);
			about = about != null ? about : first(Cues.INSTRUCTION, sentence);
			about = about != null ? about : first(Cues.NUMBER, sentence);
			if (about != null) {
				hits.add(hit(sentence, "A reference only the writer and the reader understand", shared, about));
			}
		}
		return hits;
	}

}
