package nl.postbrug.screening.rules;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SkeletonTests {

	@Test
	void lettersOfOtherScriptsInsideALatinWordReadAsTheLatinLettersTheyImitate() {
		// Greek υ and κ, Cyrillic о, Cyrillic в whose capital is confusable with B
		assertThat(Skeleton.of("dr\u03C5gs").text).isEqualTo("drugs");
		assertThat(Skeleton.of("c\u043E\u03BAe").text).isEqualTo("coke");
		assertThat(Skeleton.of("\u0432ank").text).isEqualTo("bank");
		assertThat(Skeleton.of("\u0442elefoon").text).isEqualTo("telefoon");
	}

	@Test
	void digitsAndSignsUsedAsLettersReadAsThoseLetters() {
		assertThat(Skeleton.of("c0ke").text).isEqualTo("coke");
		assertThat(Skeleton.of("k1ll").text).isEqualTo("kill");
		assertThat(Skeleton.of("$peed").text).isEqualTo("speed");
	}

	@Test
	void plainWordsNumbersAndWordsWhollyInAnotherScriptStayAsTheyAre() {
		// Unicode reads m as rn; a Latin word is never rewritten letter by letter, and a
		// word wholly in another script only loses its accents (й becomes и)
		assertThat(Skeleton.of("mond houden").text).isEqualTo("mond houden");
		assertThat(Skeleton.of("om 14:30 op 12-03-2026").text).isEqualTo("om 14:30 op 12-03-2026");
		assertThat(Skeleton.of("Дорогой Саша").text).isEqualTo("дорогои саша");
	}

	@Test
	void aMatchInTheSkeletonPointsBackAtTheOriginalCharacters() {
		String original = "Neem de dr\u03C5gs\u200B mee";
		Skeleton skeleton = Skeleton.of(original);
		int start = skeleton.text.indexOf("drugs");
		assertThat(start).isNotNegative();
		String found = original.substring(skeleton.originalStart(start), skeleton.originalEnd(start + 5));
		assertThat(found).isEqualTo("dr\u03C5gs");
	}

}
