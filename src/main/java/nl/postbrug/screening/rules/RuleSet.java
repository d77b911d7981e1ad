package nl.postbrug.screening.rules;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import nl.postbrug.screening.Finding.Severity;

/**
 * The screening rules in force for one facility, compiled from the shared default file
 * and the facility's own file. Every value is checked here; a bad one names its file and
 * line.
 */
public final class RuleSet {

	record CodeLike(Severity severity, int digitRun, int consonantRun, int mixedToken, int cipherGroups) {
	}

	public record Limits(Severity severity, int perSenderPerDay, int perPrisonerPerDay) {
	}

	/** One compiled word list: all words and phrases of one severity. */
	record WordList(Severity severity, WordMatcher matcher) {
	}

	final boolean reviewEverything;

	final List<WordList> words;

	final Map<String, Severity> patterns;

	final CodeLike codeLike;

	final Severity noContactSeverity;

	final Map<String, WordMatcher> noContact;

	final Limits limits;

	final Severity photoBarcodes;

	final Severity invisible;

	final Severity unprintable;

	final Set<String> readableLanguages;

	final Severity otherLanguage;

	final Severity failedAuthentication;

	/** The signal checks switched on, with the severity of their findings. */
	final Map<Signal, Severity> signals;

	final Double modelReviewAbove;

	private RuleSet(Builder b) {
		this.reviewEverything = b.reviewEverything;
		this.words = List.copyOf(b.words);
		this.patterns = Map.copyOf(b.patterns);
		this.codeLike = b.codeLike;
		this.noContactSeverity = b.noContactSeverity;
		this.noContact = Map.copyOf(b.noContact);
		this.limits = b.limits;
		this.photoBarcodes = b.photoBarcodes;
		this.invisible = b.invisible;
		this.unprintable = b.unprintable;
		this.readableLanguages = Set.copyOf(b.readableLanguages);
		this.otherLanguage = b.otherLanguage;
		this.failedAuthentication = b.failedAuthentication;
		this.signals = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.signals));
		this.modelReviewAbove = b.modelReviewAbove;
	}

	/**
	 * The triage score above which a message without review findings goes to a screener
	 * rather than straight through; empty when the rules leave the model out of the
	 * decision. The model never rejects.
	 */
	public java.util.OptionalDouble modelReviewAbove() {
		return modelReviewAbove == null ? java.util.OptionalDouble.empty()
				: java.util.OptionalDouble.of(modelReviewAbove);
	}

	public Set<String> readableLanguages() {
		return readableLanguages;
	}

	public boolean reviewEverything() {
		return reviewEverything;
	}

	/**
	 * What failed SPF/DKIM/DMARC leads to: review (the default) or reject, never
	 * approval.
	 */
	public Severity failedAuthentication() {
		return failedAuthentication;
	}

	public Limits limits() {
		return limits;
	}

	public int wordCount() {
		return words.stream().mapToInt(list -> list.matcher().entries().size()).sum();
	}

	static RuleSet compile(RuleFile file) {
		Builder b = new Builder();
		for (RuleFile.Entry e : file.section("policy")) {
			switch (e.key()) {
				case "default" -> b.reviewEverything = switch (e.value().toLowerCase(Locale.ROOT)) {
					case "approve" -> false;
					case "review" -> true;
					default -> throw e.error("policy default must be 'approve' or 'review', not '" + e.value() + "'");
				};
				default -> throw e.error("unknown key '" + e.key() + "' in [policy]; known: default");
			}
		}
		Map<Severity, Set<String>> wordsBySeverity = new EnumMap<>(Severity.class);
		for (RuleFile.Entry e : file.section("words")) {
			Severity severity = Severities.parse(e, e.key());
			if (severity == null) {
				throw e.error("a word list needs a severity as its key: note, review or reject");
			}
			for (String entry : entries(e)) {
				String skeleton = Skeleton.of(entry).text.strip();
				if (skeleton.isEmpty()) {
					throw e.error("'" + entry + "' has no letters or digits to match");
				}
				wordsBySeverity.computeIfAbsent(severity, s -> new LinkedHashSet<>()).add(skeleton);
			}
		}
		wordsBySeverity.forEach((severity, entries) -> b.words.add(new WordList(severity, new WordMatcher(entries))));
		for (RuleFile.Entry e : file.section("patterns")) {
			if (!Patterns.ALL.containsKey(e.key())) {
				throw e.error("unknown pattern '" + e.key() + "'; known: " + String.join(", ", Patterns.ALL.keySet()));
			}
			Severity severity = Severities.parse(e, e.value());
			if (severity != null) {
				b.patterns.put(e.key(), severity);
			}
			else {
				b.patterns.remove(e.key());
			}
		}
		Severity codeSeverity = Severity.REVIEW;
		int digitRun = 0;
		int consonantRun = 0;
		int mixedToken = 0;
		int cipherGroups = 0;
		for (RuleFile.Entry e : file.section("code-like")) {
			switch (e.key()) {
				case "severity" -> codeSeverity = Severities.parse(e, e.value());
				case "digit-run" -> digitRun = number(e, 4, 100);
				case "consonant-run" -> consonantRun = number(e, 5, 100);
				case "mixed-token" -> mixedToken = number(e, 6, 200);
				case "cipher-groups" -> cipherGroups = number(e, 2, 100);
				default -> throw e.error("unknown key '" + e.key()
						+ "' in [code-like]; known: severity, digit-run, consonant-run, mixed-token, cipher-groups");
			}
		}
		b.codeLike = codeSeverity == null ? null
				: new CodeLike(codeSeverity, digitRun, consonantRun, mixedToken, cipherGroups);
		for (RuleFile.Entry e : file.section("no-contact")) {
			if (e.key().equals("severity")) {
				b.noContactSeverity = Severities.parse(e, e.value());
				continue;
			}
			String number = e.key().toUpperCase(Locale.ROOT);
			if (!number.matches("[0-9A-Z-]{4,32}")) {
				throw e.error("'" + e.key() + "' is not a registry number; write '<registry number> = name, name'");
			}
			List<String> names = entries(e).stream()
				.map(name -> Skeleton.of(name).text.strip())
				.filter(n -> !n.isEmpty())
				.toList();
			if (names.isEmpty()) {
				throw e.error("no names listed for prisoner " + number);
			}
			b.noContactNames.computeIfAbsent(number, n -> new LinkedHashSet<>()).addAll(names);
		}
		b.noContactNames.forEach((number, names) -> b.noContact.put(number, new WordMatcher(names)));
		Severity limitSeverity = Severity.REVIEW;
		int perSender = 0;
		int perPrisoner = 0;
		for (RuleFile.Entry e : file.section("limits")) {
			switch (e.key()) {
				case "severity" -> limitSeverity = Severities.parse(e, e.value());
				case "per-sender-per-day" -> perSender = number(e, 1, 100_000);
				case "per-prisoner-per-day" -> perPrisoner = number(e, 1, 100_000);
				default -> throw e.error("unknown key '" + e.key()
						+ "' in [limits]; known: severity, per-sender-per-day, per-prisoner-per-day");
			}
		}
		b.limits = limitSeverity == null ? null : new Limits(limitSeverity, perSender, perPrisoner);
		for (RuleFile.Entry e : file.section("photos")) {
			if (!e.key().equals("barcodes")) {
				throw e.error("unknown key '" + e.key() + "' in [photos]; known: barcodes");
			}
			b.photoBarcodes = Severities.parse(e, e.value());
		}
		for (RuleFile.Entry e : file.section("characters")) {
			switch (e.key()) {
				case "invisible" -> b.invisible = Severities.parse(e, e.value());
				case "unprintable" -> b.unprintable = Severities.parse(e, e.value());
				default ->
					throw e.error("unknown key '" + e.key() + "' in [characters]; known: invisible, unprintable");
			}
		}
		for (RuleFile.Entry e : file.section("language")) {
			switch (e.key()) {
				case "readable" -> {
					b.readableLanguages.clear();
					for (String language : entries(e)) {
						String code = language.toLowerCase(Locale.ROOT);
						if (!LanguageGuess.KNOWN.contains(code)) {
							throw e.error("'" + language + "' is not a language code this version detects; known: "
									+ LanguageGuess.KNOWN.stream().sorted().collect(Collectors.joining(", ")));
						}
						b.readableLanguages.add(code);
					}
				}
				case "other" -> b.otherLanguage = Severities.parse(e, e.value());
				default -> throw e.error("unknown key '" + e.key() + "' in [language]; known: readable, other");
			}
		}
		for (RuleFile.Entry e : file.section("authentication")) {
			if (!e.key().equals("failed")) {
				throw e.error("unknown key '" + e.key() + "' in [authentication]; known: failed");
			}
			Severity severity = Severities.parse(e, e.value());
			if (severity == null || severity == Severity.NOTE) {
				// Mail whose sender the receiving server could not confirm is never
				// approved unseen.
				throw e.error("authentication failed must be 'review' or 'reject'");
			}
			b.failedAuthentication = severity;
		}
		Map<String, Severity> signalSeverities = new LinkedHashMap<>();
		for (RuleFile.Entry e : file.section("signals")) {
			if (!Signal.KINDS.containsKey(e.key())) {
				throw e.error("unknown signal '" + e.key() + "'; known: "
						+ String.join(", ", Signal.KINDS.keySet().stream().sorted().toList()));
			}
			signalSeverities.put(e.key(), Severities.parse(e, e.value()));
		}
		signalSeverities.forEach((kind, severity) -> {
			if (severity != null) {
				b.signals.put(Signal.KINDS.get(kind).get(), severity);
			}
		});
		for (RuleFile.Entry e : file.section("model")) {
			if (!e.key().equals("review-above")) {
				throw e.error("unknown key '" + e.key() + "' in [model]; known: review-above");
			}
			if (e.value().strip().equalsIgnoreCase("off")) {
				b.modelReviewAbove = null;
				continue;
			}
			try {
				double threshold = Double.parseDouble(e.value().strip());
				if (!(threshold > 0 && threshold < 1)) {
					throw e
						.error("review-above must be a score between 0 and 1 (such as 0.35) or off, not " + e.value());
				}
				b.modelReviewAbove = threshold;
			}
			catch (NumberFormatException ex) {
				throw e.error(
						"review-above must be a score between 0 and 1 (such as 0.35) or off, not '" + e.value() + "'");
			}
		}
		return new RuleSet(b);
	}

	/** Comma-separated values; double quotes keep a phrase with commas together. */
	static List<String> entries(RuleFile.Entry e) {
		List<String> values = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		boolean quoted = false;
		for (char c : e.value().toCharArray()) {
			if (c == '"') {
				quoted = !quoted;
			}
			else if (c == ',' && !quoted) {
				values.add(current.toString().strip());
				current.setLength(0);
			}
			else {
				current.append(c);
			}
		}
		if (quoted) {
			throw e.error("a double quote is not closed");
		}
		values.add(current.toString().strip());
		return values.stream().filter(v -> !v.isEmpty()).toList();
	}

	private static int number(RuleFile.Entry e, int min, int max) {
		try {
			int value = Integer.parseInt(e.value().strip());
			if (value == 0) {
				return 0;
			}
			if (value < min || value > max) {
				throw e.error(e.key() + " must be 0 (off) or between " + min + " and " + max + ", not " + value);
			}
			return value;
		}
		catch (NumberFormatException ex) {
			throw e.error(e.key() + " must be a whole number, not '" + e.value() + "'");
		}
	}

	private static final class Builder {

		boolean reviewEverything;

		final List<WordList> words = new ArrayList<>();

		final Map<String, Severity> patterns = new LinkedHashMap<>();

		CodeLike codeLike;

		Severity noContactSeverity = Severity.REVIEW;

		final Map<String, Set<String>> noContactNames = new LinkedHashMap<>();

		final Map<String, WordMatcher> noContact = new LinkedHashMap<>();

		Limits limits;

		Severity photoBarcodes = Severity.REVIEW;

		Severity invisible = Severity.REVIEW;

		Severity unprintable = Severity.NOTE;

		final Set<String> readableLanguages = new LinkedHashSet<>();

		Severity otherLanguage = Severity.REVIEW;

		Severity failedAuthentication = Severity.REVIEW;

		final Map<Signal, Severity> signals = new LinkedHashMap<>();

		Double modelReviewAbove;

	}

}
