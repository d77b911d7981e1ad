package nl.postbrug.screening.rules;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells which language a message is in, well enough to send a message the screeners
 * cannot read to review. Scripts decide first (Cyrillic, Greek, Arabic, Hebrew, Chinese,
 * Japanese, Korean, Thai, Devanagari); for Latin script the most frequent common short
 * words decide. Short or mixed texts give {@code und} (undetermined), which raises no
 * finding: guessing wrong would send ordinary short notes to review.
 */
final class LanguageGuess {

	static final String UNDETERMINED = "und";

	private static final Map<String, Set<String>> STOPWORDS = Map.ofEntries(
			Map.entry("nl",
					Set.of("de", "het", "een", "en", "van", "ik", "je", "is", "dat", "niet", "op", "te", "met", "voor",
							"zijn", "maar", "wij", "we", "ook", "nog", "naar", "heel", "jij", "wat", "bij", "er", "dit",
							"als", "dan", "mijn")),
			Map.entry("en",
					Set.of("the", "and", "you", "to", "of", "is", "it", "that", "in", "my", "we", "are", "for", "with",
							"have", "this", "not", "but", "be", "will", "your", "was", "love", "all")),
			Map.entry("de",
					Set.of("der", "die", "das", "und", "ich", "du", "nicht", "ist", "ein", "eine", "mit", "zu", "auf",
							"wir", "sie", "dich", "auch", "es", "für", "dass", "mein", "bei")),
			Map.entry("fr",
					Set.of("le", "la", "les", "et", "je", "tu", "est", "pas", "un", "une", "que", "de", "des", "nous",
							"pour", "avec", "mon", "ma", "ce", "qui", "sur", "bien")),
			Map.entry("es",
					Set.of("el", "la", "los", "las", "y", "que", "de", "no", "es", "un", "una", "por", "con", "para",
							"mi", "te", "lo", "se", "muy", "pero", "como")),
			Map.entry("pt",
					Set.of("o", "a", "os", "as", "e", "que", "de", "não", "um", "uma", "com", "para", "meu", "minha",
							"você", "eu", "muito", "mas", "se", "está")),
			Map.entry("it",
					Set.of("il", "lo", "la", "gli", "le", "e", "che", "di", "non", "un", "una", "per", "con", "mio",
							"sono", "ti", "ma", "come", "anche")),
			Map.entry("tr",
					Set.of("ve", "bir", "bu", "da", "de", "çok", "ben", "sen", "için", "ile", "ne", "gibi", "daha",
							"var", "yok", "seni", "canım", "ama", "mi", "her")),
			Map.entry("pl",
					Set.of("i", "w", "nie", "się", "na", "że", "jest", "to", "z", "do", "jak", "ale", "co", "mi", "ja",
							"ty", "bardzo", "tak", "już", "mnie")),
			Map.entry("ro",
					Set.of("și", "si", "în", "este", "nu", "că", "pe", "la", "cu", "un", "o", "mai", "ce", "eu", "te",
							"pentru", "foarte")),
			Map.entry("so", Set.of("iyo", "waa", "ku", "oo", "ka", "in", "aan", "ayaa", "waxaan", "adiga")),
			Map.entry("id", Set.of("dan", "yang", "di", "ini", "itu", "aku", "kamu", "tidak", "dengan", "untuk", "ada",
					"saya")));

	static final Set<String> KNOWN = Set.copyOf(new java.util.HashSet<>(List.of("nl", "en", "de", "fr", "es", "pt",
			"it", "tr", "pl", "ro", "so", "id", "ru", "uk", "bg", "el", "ar", "he", "zh", "ja", "ko", "th", "hi")));

	private static final Pattern WORD = Pattern.compile("\\p{L}+");

	private LanguageGuess() {
	}

	static String of(String text) {
		Map<Character.UnicodeScript, Integer> scripts = new HashMap<>();
		int letters = 0;
		int latin = 0;
		for (int i = 0; i < text.length();) {
			int cp = text.codePointAt(i);
			if (cp < 128) {
				if ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') {
					letters++;
					latin++;
				}
			}
			else if (Character.isLetter(cp)) {
				letters++;
				scripts.merge(Character.UnicodeScript.of(cp), 1, Integer::sum);
			}
			i += Character.charCount(cp);
		}
		if (latin > 0) {
			scripts.merge(Character.UnicodeScript.LATIN, latin, Integer::sum);
		}
		if (letters < 20) {
			return UNDETERMINED;
		}
		Character.UnicodeScript main = scripts.entrySet()
			.stream()
			.max(Map.Entry.comparingByValue())
			.orElseThrow()
			.getKey();
		if (scripts.get(main) * 10 < letters * 6) {
			return UNDETERMINED;
		}
		return switch (main) {
			case CYRILLIC -> cyrillic(text);
			case GREEK -> "el";
			case ARABIC -> "ar";
			case HEBREW -> "he";
			case HAN -> scripts.containsKey(Character.UnicodeScript.HIRAGANA)
					|| scripts.containsKey(Character.UnicodeScript.KATAKANA) ? "ja" : "zh";
			case HIRAGANA, KATAKANA -> "ja";
			case HANGUL -> "ko";
			case THAI -> "th";
			case DEVANAGARI -> "hi";
			case LATIN -> latin(text);
			default -> UNDETERMINED;
		};
	}

	private static String cyrillic(String text) {
		if (text.matches("(?s).*[іїєґІЇЄҐ].*")) {
			return "uk";
		}
		if (text.matches("(?s).*[ъ].*") && !text.matches("(?s).*[ыэЫЭ].*")) {
			return "bg";
		}
		return "ru";
	}

	private static String latin(String text) {
		Map<String, Integer> hits = new HashMap<>();
		int words = 0;
		Matcher word = WORD.matcher(text.toLowerCase(Locale.ROOT));
		while (word.find()) {
			words++;
			String w = word.group();
			for (Map.Entry<String, Set<String>> language : STOPWORDS.entrySet()) {
				if (language.getValue().contains(w)) {
					hits.merge(language.getKey(), 1, Integer::sum);
				}
			}
		}
		var best = hits.entrySet().stream().max(Map.Entry.comparingByValue());
		if (best.isEmpty() || best.get().getValue() < 3 || best.get().getValue() * 20 < words) {
			return UNDETERMINED;
		}
		long ties = hits.values().stream().filter(v -> v.equals(best.get().getValue())).count();
		return ties > 1 ? UNDETERMINED : best.get().getKey();
	}

}
