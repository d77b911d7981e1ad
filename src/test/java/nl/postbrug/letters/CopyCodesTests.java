package nl.postbrug.letters;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CopyCodesTests {

	private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

	@Test
	void newCodesAreWellFormedAndDistinct() {
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < 1000; i++) {
			String code = CopyCodes.newCode();
			assertThat(code).matches("PB-[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]");
			assertThat(CopyCodes.isWellFormed(code)).as(code).isTrue();
			seen.add(code);
		}
		assertThat(seen).hasSize(1000);
	}

	@Test
	void refusesEverySingleSymbolChangeAndAdjacentTransposition() {
		int refused = 0;
		for (int n = 0; n < 1000; n++) {
			String code = CopyCodes.newCode();
			for (int i = 0; i < code.length(); i++) {
				for (char c : (ALPHABET + "-ILOU*a ").toCharArray()) {
					if (Character.toUpperCase(c) == code.charAt(i)) {
						continue;
					}
					String typo = code.substring(0, i) + c + code.substring(i + 1);
					assertThat(CopyCodes.isWellFormed(typo)).as("%s -> %s", code, typo).isFalse();
					refused++;
				}
				if (i + 1 < code.length() && code.charAt(i) != code.charAt(i + 1)) {
					String swapped = code.substring(0, i) + code.charAt(i + 1) + code.charAt(i) + code.substring(i + 2);
					assertThat(CopyCodes.isWellFormed(swapped)).as("%s -> %s", code, swapped).isFalse();
					refused++;
				}
			}
		}
		assertThat(refused).isGreaterThan(500_000);
	}

	@Test
	void refusesWrongLengthAndNonsense() {
		String code = CopyCodes.newCode();
		assertThat(CopyCodes.isWellFormed(code.substring(0, code.length() - 1))).isFalse();
		assertThat(CopyCodes.isWellFormed(code + "0")).isFalse();
		assertThat(CopyCodes.isWellFormed(code.replace("-", ""))).isFalse();
		assertThat(CopyCodes.isWellFormed("")).isFalse();
		assertThat(CopyCodes.isWellFormed(null)).isFalse();
		assertThat(CopyCodes.isWellFormed("PB-00000-00000-0")).isTrue(); // the all-zero
																			// code is
																			// valid: Damm
																			// of zeros is
																			// 0
	}

	@Test
	void acceptsLowerCaseAndSurroundingWhitespace() {
		String code = CopyCodes.newCode();
		String sloppy = "  " + code.toLowerCase() + "\n";
		assertThat(CopyCodes.isWellFormed(sloppy)).isTrue();
		assertThat(CopyCodes.normalise(sloppy)).isEqualTo(code);
	}

}
