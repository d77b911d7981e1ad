package nl.postbrug.screening.rules;

import java.util.List;

import nl.postbrug.screening.Finding;
import nl.postbrug.screening.Finding.Severity;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each rule kind, with texts it must find (the span as the sender wrote it) and texts it
 * must leave alone.
 */
class ContentChecksTests {

	private static final RuleSet RULES = RuleSet.compile(RuleFile.parse("test.rules", """
			[words]
			review = wapen, drugs, "geld overmaken", cocaïne
			reject = "ik maak je dood"
			[patterns]
			url = review
			iban = review
			crypto-wallet = review
			gps = review
			licence-plate = review
			phone-number = review
			[code-like]
			severity = review
			digit-run = 12
			consonant-run = 9
			mixed-token = 12
			cipher-groups = 4
			[no-contact]
			1000000001 = "Piet Kramer"
			[characters]
			invisible = review
			[language]
			readable = nl, en
			other = review
			"""));

	@Test
	void wordsMatchWholeWordsIgnoringCaseAndAccents() {
		assertSpans("Heb je het WAPEN nog?", "word-list", "WAPEN");
		assertSpans("Die cocaine was op.", "word-list", "cocaine");
		assertSpans("Kun je geld\n overmaken naar hem?", "word-list", "geld\n overmaken");
		assertNone("Het wapenschild van Amsterdam hangt in de gang.", "word-list");
		assertNone("Wapenstilstand in de familie, eindelijk.", "word-list");
	}

	@Test
	void wordsDisguisedWithLookAlikeLettersOrDigitsAreFound() {
		assertSpans("Heb je de drugs nog? En de w4pen?", "word-list", "drugs", "w4pen");
		assertSpans("Het w\u0430pen ligt klaar", "word-list", "w\u0430pen"); // Cyrillic а
		assertSpans("Het wa\u200Bpen ligt klaar", "word-list", "wa\u200Bpen"); // zero-width
																				// space
																				// inside
		assertSpans("Ｗａｐｅｎ", "word-list", "Ｗａｐｅｎ"); // full-width letters
	}

	@Test
	void aRejectPhraseRejects() {
		List<Finding> findings = check("Als je praat, ik maak je dood.");
		assertThat(findings).filteredOn(f -> f.ruleId().equals("word-list"))
			.singleElement()
			.satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.REJECT));
	}

	@Test
	void patternsFindLinksAccountsWalletsCoordinatesPlatesAndPhoneNumbers() {
		assertSpans("Kijk op https://example.com/a?b=c en www.voorbeeld.nl", "url", "https://example.com/a?b=c",
				"www.voorbeeld.nl");
		assertSpans("Zie marktplaats.nl voor de fiets", "url", "marktplaats.nl");
		assertSpans("Kijk op www.voorbeeld.nl. Of (zie https://example.com/x).", "url", "www.voorbeeld.nl",
				"https://example.com/x");
		assertSpans("Stort op NL91 ABNA 0417 1643 00 graag", "iban", "NL91 ABNA 0417 1643 00");
		assertSpans("bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq is mijn adres", "crypto-wallet",
				"bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq");
		assertSpans("0x52908400098527886E0F7030069857D2E4169EE7", "crypto-wallet",
				"0x52908400098527886E0F7030069857D2E4169EE7");
		assertSpans("We zien elkaar op 52.3702, 4.8952 om acht uur", "gps", "52.3702, 4.8952");
		assertSpans("De auto is een 12-ABC-3, grijs", "licence-plate", "12-ABC-3");
		assertSpans("Bel +31 6 12345678 of 020-1234567", "phone-number", "+31 6 12345678", "020-1234567");
		assertSpans("bel 0612345678 3f2a-77 is de code", "phone-number", "0612345678");
	}

	@Test
	void patternsLeaveOrdinaryTextAlone() {
		assertNone("Het was 12 graden en om half 3 kwam oma.", "phone-number");
		assertNone("In 2026 wordt Lotte 12 jaar.", "phone-number");
		assertNone("NL12 ABNA 0123 4567 89 is geen geldig nummer.", "iban");
		assertNone("Dat was in 1999-2001, weet je nog.", "licence-plate");
		assertNone("Hij had een 7,5 voor wiskunde.", "gps");
	}

	@Test
	void noContactNamesAreFoundForTheirPrisonerOnly() {
		assertThat(ContentChecks.check(RULES, "Groeten van piet kramer!", "1000000001").findings())
			.extracting(Finding::ruleId)
			.containsExactly("no-contact");
		assertThat(ContentChecks.check(RULES, "Groeten van piet kramer!", "1000000002").findings()).isEmpty();
		assertThat(ContentChecks.check(RULES, "Groeten van Piet Kramers-Jansen", "1000000001").findings()).isEmpty();
	}

	@Test
	void codeLikeTextIsFound() {
		assertSpans("Onthoud 4829 1736 5502 9918 goed", "code-like", "4829 1736 5502 9918");
		assertSpans("Het woord is xkcdqrtbvmp", "code-like", "xkcdqrtbvmp");
		assertSpans("sleutel aK3x9QzP2m7W", "code-like", "aK3x9QzP2m7W");
		assertSpans("QWERT ASDFG ZXCVB POIUY dat is alles", "code-like", "QWERT ASDFG ZXCVB POIUY");
		assertNone("Zijn angstschreeuw was tot in de straat te horen.", "code-like");
		assertNone("Arbeidsongeschiktheidsverzekering is duur.", "code-like");
	}

	@Test
	void invisibleAndDirectionOverrideCharactersAreFound() {
		assertSpans("Tot \u200B\u200Bmorgen", "invisible-characters", "\u200B\u200B");
		assertThat(check("Betaal \u202E01 EUR").stream().filter(f -> f.ruleId().equals("invisible-characters")))
			.singleElement()
			.satisfies(f -> assertThat(f.explanation()).contains("reverse"));
		assertNone("שלום \u200F עליכם", "invisible-characters");
		assertNone("Familie 👨\u200D👩\u200D👧 groet je", "invisible-characters");
	}

	@Test
	void charactersTheLetterCannotPrintAreNotedWithTheirSpan() {
		assertSpans("Hoi Sam 你好 en tot ziens 🦒!", "unprintable-characters", "你好", "🦒");
		assertSpans("Familie 👨\u200D👩\u200D👧 groet je", "unprintable-characters", "👨\u200D👩\u200D👧");
		assertSpans("Duim 👍🏽\uFE0F omhoog", "unprintable-characters", "👍🏽");
		assertThat(check("Hoi 你好")).filteredOn(f -> f.ruleId().equals("unprintable-characters"))
			.singleElement()
			.satisfies(f -> assertThat(f.severity()).isEqualTo(Finding.Severity.NOTE))
			.satisfies(f -> assertThat(f.explanation()).contains("\uFFFD"));
		assertNone("Zażółć gęślą jaźń, İstanbul, Привет, Ελλάδα, مرحبا, שלום ❤ ☺ 😀\n\tTot\r\nziens",
				"unprintable-characters");
	}

	@Test
	void unprintableCharactersCanGoToReviewOrBeSwitchedOff() {
		RuleSet review = RuleSet.compile(RuleFile.parse("test.rules", """
				[characters]
				unprintable = review
				"""));
		RuleSet off = RuleSet.compile(RuleFile.parse("test.rules", """
				[characters]
				unprintable = off
				"""));
		assertThat(ContentChecks.check(review, "Hoi 你好", null).findings())
			.extracting(Finding::ruleId, Finding::severity)
			.contains(org.assertj.core.groups.Tuple.tuple("unprintable-characters", Finding.Severity.REVIEW));
		assertThat(ContentChecks.check(off, "Hoi 你好", null).findings()).extracting(Finding::ruleId)
			.doesNotContain("unprintable-characters");
	}

	@Test
	void aLanguageTheScreenersDoNotReadGoesToReview() {
		assertThat(check("Дорогой Дима! Как ты себя чувствуешь? У нас всё хорошо, мама передаёт привет."))
			.extracting(Finding::ruleId)
			.contains("language");
		assertNone("Lieve Jan, het gaat goed met ons en we denken elke dag aan je. Tot zondag!", "language");
		assertNone("Hoi!", "language");
		assertThat(ContentChecks
			.check(RULES, "Sevgili oğlum, seni çok özledik. Ben de baban da iyiyiz, her gün seni düşünüyoruz.", null)
			.language()).isEqualTo("tr");
	}

	private static List<Finding> check(String text) {
		return ContentChecks.check(RULES, text, null).findings();
	}

	private static void assertSpans(String text, String rule, String... spans) {
		List<Finding> findings = check(text).stream().filter(f -> f.ruleId().equals(rule)).toList();
		assertThat(findings).extracting(f -> text.substring(f.start(), f.end())).containsExactly(spans);
	}

	private static void assertNone(String text, String rule) {
		assertThat(check(text)).filteredOn(f -> f.ruleId().equals(rule)).isEmpty();
	}

}
