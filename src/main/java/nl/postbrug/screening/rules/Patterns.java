package nl.postbrug.screening.rules;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The known patterns, most specific first: a span one pattern claims is not reported
 * again by a later one (the digits of an IBAN are not also a phone number).
 */
final class Patterns {

	record Definition(Pattern pattern, String explanation, Predicate<String> valid) {
	}

	static final Map<String, Definition> ALL = new LinkedHashMap<>();

	// A phone number stands alone: no group of digits joins it on either side across a
	// space, dot or
	// dash, so a longer run of digits is left whole for the code-like rule.
	static {
		ALL.put("url", new Definition(Pattern.compile(
				"(?i)\\b(?:https?://|www\\.)[^\\s<>\"]*[^\\s<>\".,;:!?)'\\]]|\\b(?:[a-z0-9-]+\\.)+(?:nl|be|com|org|net|eu|de|fr|uk|io|me|ru|info|biz|xyz|tk|co|app|online|site)\\b(?:/[^\\s<>\"]*[^\\s<>\".,;:!?)'\\]])?"),
				"A web address: the prisoner cannot follow it, and it may carry instructions", s -> true));
		ALL.put("iban",
				new Definition(Pattern.compile("(?i)\\b[A-Z]{2}[0-9]{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\\b"),
						"A bank account number (IBAN)", Patterns::validIban));
		ALL.put("crypto-wallet", new Definition(Pattern.compile(
				"\\b(?:bc1[ac-hj-np-z02-9]{11,71}|[13][a-km-zA-HJ-NP-Z1-9]{25,34}|0x[a-fA-F0-9]{40}|4[0-9AB][1-9A-HJ-NP-Za-km-z]{93})\\b"),
				"A cryptocurrency wallet address", s -> true));
		ALL.put("gps", new Definition(Pattern.compile(
				"-?\\b\\d{1,2}\\.\\d{3,}\\s*[,;]\\s*-?\\d{1,3}\\.\\d{3,}\\b|\\b\\d{1,3}°\\s*\\d{1,2}['′]\\s*(?:\\d{1,2}(?:[.,]\\d+)?[\"″]?\\s*)?[NSEWOZnsewoz]\\b"),
				"Map coordinates", s -> true));
		ALL.put("licence-plate", new Definition(Pattern.compile(
				"\\b(?:[A-Z]{2}-\\d{2}-\\d{2}|\\d{2}-[A-Z]{2}-\\d{2}|\\d{2}-\\d{2}-[A-Z]{2}|[A-Z]{2}-\\d{2}-[A-Z]{2}|[A-Z]{2}-[A-Z]{2}-\\d{2}|\\d{2}-[A-Z]{2}-[A-Z]{2}|\\d{2}-[A-Z]{3}-\\d|\\d-[A-Z]{3}-\\d{2}|[A-Z]{2}-\\d{3}-[A-Z]|[A-Z]-\\d{3}-[A-Z]{2}|[A-Z]{3}-\\d{2}-[A-Z]|[A-Z]-\\d{2}-[A-Z]{3}|\\d-[A-Z]{2}-\\d{3}|\\d{3}-[A-Z]{2}-\\d)\\b"),
				"A licence plate", s -> true));
		ALL.put("phone-number", new Definition(Pattern.compile(
				"(?<![\\w+])(?<!\\b\\d{1,20}[ .-])(?:\\+|00)?[0-9](?:[ .-]?[0-9]){8,13}(?!\\w)(?![ .-]\\d+(?![\\p{L}\\d]))"),
				"A phone number", s -> true));
	}

	private Patterns() {
	}

	/**
	 * ISO 13616 check: move the first four characters to the end, letters to numbers,
	 * remainder 1 mod 97.
	 */
	static boolean validIban(String candidate) {
		String iban = candidate.replace(" ", "").toUpperCase(Locale.ROOT);
		if (iban.length() < 15 || iban.length() > 34) {
			return false;
		}
		StringBuilder digits = new StringBuilder();
		for (char c : (iban.substring(4) + iban.substring(0, 4)).toCharArray()) {
			digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
		}
		return new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
	}

}
