package nl.postbrug.screening.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.postbrug.letters.LetterRendering;
import nl.postbrug.screening.Finding;
import nl.postbrug.screening.Finding.Severity;

/**
 * The text checks of a rule set: words and phrases, patterns, names a prisoner may not be
 * told about, code-like text, invisible and unprintable characters and language. Each
 * finding carries the exact span in the text as the sender wrote it.
 */
public final class ContentChecks {

	private static final Pattern DIGIT_RUN = Pattern.compile("(?<![\\p{N}])\\p{N}(?:[ .-]?\\p{N})+(?![\\p{N}])");

	private static final Pattern CONSONANTS = Pattern.compile("(?i)[bcdfghjklmnpqrstvwxz]+");

	private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}]+");

	private static final Pattern CIPHER_GROUP = Pattern.compile("\\b[A-Z]{5}\\b");

	private ContentChecks() {
	}

	/**
	 * @param prisonerNumber the registry number of the prisoner the message is for, for
	 * no-contact names
	 * @return the findings and the guessed language
	 */
	public static Result check(RuleSet rules, String text, String prisonerNumber) {
		List<Finding> findings = new ArrayList<>();
		Skeleton skeleton = Skeleton.of(text);
		for (RuleSet.WordList list : rules.words) {
			for (WordMatcher.Match match : list.matcher().find(skeleton.text)) {
				findings.add(skeletonFinding(skeleton, match, "word-list", list.severity(),
						"A word or phrase on the facility's list: '" + match.entry() + "'"));
			}
		}
		if (!rules.signals.isEmpty()) {
			Sentences sentences = Sentences.of(skeleton, text);
			rules.signals.forEach((signal, severity) -> {
				for (Signal.Hit hit : signal.find(sentences)) {
					findings.add(new Finding("signal-" + signal.kind(), severity, hit.explanation(),
							skeleton.originalStart(hit.start()), skeleton.originalEnd(hit.end())));
				}
			});
		}
		if (prisonerNumber != null) {
			WordMatcher names = rules.noContact.get(prisonerNumber.toUpperCase(java.util.Locale.ROOT));
			if (names != null && rules.noContactSeverity != null) {
				for (WordMatcher.Match match : names.find(skeleton.text)) {
					findings.add(skeletonFinding(skeleton, match, "no-contact", rules.noContactSeverity,
							"A name this prisoner may not be told about: '" + match.entry() + "'"));
				}
			}
		}
		for (Map.Entry<String, Patterns.Definition> pattern : Patterns.ALL.entrySet()) {
			Severity severity = rules.patterns.get(pattern.getKey());
			if (severity == null) {
				continue;
			}
			Matcher match = pattern.getValue().pattern().matcher(text);
			while (match.find()) {
				if (pattern.getValue().valid().test(match.group())) {
					addUnclaimed(findings, new Finding(pattern.getKey(), severity, pattern.getValue().explanation(),
							match.start(), match.end()));
				}
			}
		}
		codeLike(rules.codeLike, text, findings);
		if (rules.invisible != null) {
			invisible(rules.invisible, text, findings);
		}
		if (rules.unprintable != null) {
			unprintable(rules.unprintable, text, findings);
		}
		String language = LanguageGuess.of(text);
		if (!rules.readableLanguages.isEmpty() && rules.otherLanguage != null
				&& !language.equals(LanguageGuess.UNDETERMINED) && !rules.readableLanguages.contains(language)) {
			findings.add(Finding.whole("language", rules.otherLanguage,
					"Written in a language the facility's screeners do not read ("
							+ java.util.Locale.forLanguageTag(language).getDisplayLanguage(java.util.Locale.ENGLISH)
							+ ")"));
		}
		return new Result(findings, language);
	}

	public record Result(List<Finding> findings, String language) {
	}

	private static void codeLike(RuleSet.CodeLike rule, String text, List<Finding> findings) {
		if (rule == null) {
			return;
		}
		if (rule.digitRun() > 0) {
			Matcher match = DIGIT_RUN.matcher(text);
			while (match.find()) {
				long digits = match.group().chars().filter(Character::isDigit).count();
				if (digits >= rule.digitRun()) {
					addUnclaimed(findings, new Finding("code-like", rule.severity(),
							"A long run of digits (" + digits + ") that may carry a code", match.start(), match.end()));
				}
			}
		}
		if (rule.consonantRun() > 0) {
			Matcher match = CONSONANTS.matcher(text);
			while (match.find()) {
				if (match.end() - match.start() >= rule.consonantRun()) {
					addUnclaimed(findings, new Finding("code-like", rule.severity(),
							"Letters without vowels that read like a cipher", match.start(), match.end()));
				}
			}
		}
		if (rule.mixedToken() > 0) {
			Matcher match = TOKEN.matcher(text);
			while (match.find()) {
				if (match.end() - match.start() < rule.mixedToken()) {
					continue;
				}
				String token = match.group();
				long digits = token.chars().filter(Character::isDigit).count();
				long letters = token.chars().filter(Character::isLetter).count();
				if (digits >= 3 && letters >= 3) {
					addUnclaimed(findings,
							new Finding("code-like", rule.severity(),
									"A string of mixed letters and digits that reads like a code or key", match.start(),
									match.end()));
				}
			}
		}
		if (rule.cipherGroups() > 0) {
			Matcher group = CIPHER_GROUP.matcher(text);
			int runStart = -1;
			int runEnd = -1;
			int count = 0;
			while (group.find()) {
				boolean adjacent = count > 0 && text.substring(runEnd, group.start()).isBlank();
				if (!adjacent) {
					if (count >= rule.cipherGroups()) {
						addUnclaimed(findings, cipher(rule, runStart, runEnd, count));
					}
					runStart = group.start();
					count = 0;
				}
				count++;
				runEnd = group.end();
			}
			if (count >= rule.cipherGroups()) {
				addUnclaimed(findings, cipher(rule, runStart, runEnd, count));
			}
		}
	}

	private static Finding cipher(RuleSet.CodeLike rule, int start, int end, int groups) {
		return new Finding("code-like", rule.severity(),
				groups + " groups of five capital letters, as ciphers are written", start, end);
	}

	/**
	 * Characters the letter cannot print (Chinese, most emoji): on paper each shows as a
	 * visible U+FFFD, so the screener should know what the prisoner will not be able to
	 * read. A run of them, with the joiners and selectors that build one emoji, is one
	 * finding.
	 */
	private static void unprintable(Severity severity, String text, List<Finding> findings) {
		int i = 0;
		while (i < text.length()) {
			int cp = text.codePointAt(i);
			if (LetterRendering.prints(cp)) {
				i += Character.charCount(cp);
				continue;
			}
			int start = i;
			int end = i;
			while (i < text.length()) {
				int c = text.codePointAt(i);
				if (!LetterRendering.prints(c)) {
					end = i + Character.charCount(c);
				}
				else if (!isEmojiGlue(c)) {
					break;
				}
				i += Character.charCount(c);
			}
			i = end;
			findings.add(new Finding("unprintable-characters", severity,
					"Characters the letter cannot print; they show as \uFFFD on paper", start, end));
		}
	}

	/**
	 * Zero-width joiner and variation selectors: parts of an emoji, printable on their
	 * own.
	 */
	private static boolean isEmojiGlue(int cp) {
		return cp == 0x200D || cp >= 0xFE00 && cp <= 0xFE0F;
	}

	/**
	 * Zero-width and other invisible characters, and the controls that reverse the
	 * reading direction.
	 */
	private static void invisible(Severity severity, String text, List<Finding> findings) {
		int i = 0;
		while (i < text.length()) {
			int cp = text.codePointAt(i);
			if (isHidden(text, i, cp)) {
				int start = i;
				boolean direction = false;
				while (i < text.length() && isHidden(text, i, text.codePointAt(i))) {
					int c = text.codePointAt(i);
					direction |= (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
					i += Character.charCount(c);
				}
				findings.add(new Finding("invisible-characters", severity,
						direction
								? "Characters that reverse the reading direction: what is printed is not what it seems"
								: "Invisible characters hidden in the text",
						start, i));
				continue;
			}
			i += Character.charCount(cp);
		}
	}

	private static boolean isHidden(String text, int at, int cp) {
		if (cp == 0x200E || cp == 0x200F || cp == 0x061C) {
			return false; // plain direction marks are part of ordinary Arabic and Hebrew
							// writing
		}
		if (cp == 0x200D && at > 0 && at + 1 < text.length()) {
			int before = text.codePointBefore(at);
			int after = text.codePointAt(at + 1);
			if (isEmojiPart(before) && isEmojiPart(after)) {
				return false; // joins emoji such as a family into one picture
			}
		}
		return Character.getType(cp) == Character.FORMAT || cp == 0x180E || cp == 0x3164 || cp == 0x115F || cp == 0x1160
				|| cp == 0x2800;
	}

	private static boolean isEmojiPart(int cp) {
		return Character.getType(cp) == Character.OTHER_SYMBOL || cp == 0xFE0F || (cp >= 0x1F3FB && cp <= 0x1F3FF);
	}

	private static Finding skeletonFinding(Skeleton skeleton, WordMatcher.Match match, String rule, Severity severity,
			String explanation) {
		return new Finding(rule, severity, explanation, skeleton.originalStart(match.start()),
				skeleton.originalEnd(match.end()));
	}

	/**
	 * Adds a finding unless an earlier, more specific one already covers part of its
	 * span.
	 */
	private static void addUnclaimed(List<Finding> findings, Finding finding) {
		boolean claimed = findings.stream()
			.filter(f -> !f.ruleId().equals("word-list") && !f.ruleId().equals("no-contact")
					&& !f.ruleId().startsWith("signal-"))
			.anyMatch(f -> f.start() != null && f.start() < finding.end() && finding.start() < f.end());
		if (!claimed) {
			findings.add(finding);
		}
	}

}
