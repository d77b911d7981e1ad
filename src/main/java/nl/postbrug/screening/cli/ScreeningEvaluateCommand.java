package nl.postbrug.screening.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

import nl.postbrug.Command;
import nl.postbrug.screening.Finding;
import nl.postbrug.screening.ScreeningSettings;
import nl.postbrug.screening.rules.ContentChecks;
import nl.postbrug.screening.rules.MalformedRules;
import nl.postbrug.screening.rules.RuleBook;
import nl.postbrug.screening.rules.RuleSet;
import nl.postbrug.screening.triage.Evaluation;
import nl.postbrug.screening.triage.LabelledSet;
import nl.postbrug.screening.triage.ModelFile;
import nl.postbrug.screening.triage.TriageModel;

import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * {@code java -jar postbrug.jar screening evaluate}: measures screening on labelled
 * messages without the service running.
 * <ul>
 * <li>Without {@code --tsv}: the labelled sets of {@code --seed} (comma-separated, each
 * by its own author; default the seed set and the independent set). With two or more,
 * each set is scored by a model trained on the others (the threshold is chosen there) and
 * all are cross-validated together; with one, its fixed split: k-fold cross-validation on
 * the training part (where the threshold is chosen) and the figures on the held-out part.
 * Both next to the rules alone.</li>
 * <li>{@code --tsv=FILE}: the current model file and the facility's rules on any labelled
 * TSV, decided as the service decides (a review or reject finding, or a score above the
 * rule file's {@code review-above}).</li>
 * </ul>
 * Exit status 0 when measured, 2 when the input is refused (empty or malformed TSV, a bad
 * rule file, no model for {@code --tsv}, bad arguments).
 */
public final class ScreeningEvaluateCommand implements Command {

	public static final int ERROR = 2;

	private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

	private PrintStream out = System.out;

	private Locale locale = Locale.getDefault();

	/** Found by {@link java.util.ServiceLoader} (META-INF/services). */
	public ScreeningEvaluateCommand() {
		messages.setBasename("i18n/screening");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		messages.setAlwaysUseMessageFormat(true);
	}

	@Override
	public boolean handles(String[] args) {
		return args.length >= 2 && args[0].equals("screening") && args[1].equals("evaluate");
	}

	@Override
	public int run(String[] args) {
		Map<String, String> options = new LinkedHashMap<>(
				Map.of("seed", nl.postbrug.screening.TriageSettings.SAMPLE_SETS, "folds", "5", "rules-dir",
						"samples/rules", "facility", "default", "model-dir", "data/triage"));
		for (int i = 2; i < args.length; i++) {
			String arg = args[i];
			int equals = arg.indexOf('=');
			String key = arg.startsWith("--") && equals > 2 ? arg.substring(2, equals) : null;
			if (key == null || !(options.containsKey(key) || key.equals("tsv"))) {
				out.println(text("screening.triage.cli.usage"));
				return ERROR;
			}
			options.put(key, arg.substring(equals + 1));
		}
		try {
			RuleSet rules = new RuleBook(new ScreeningSettings(Path.of(options.get("rules-dir")), false))
				.forFacility(options.get("facility"));
			Predicate<String> heldByRules = text -> ContentChecks.check(rules, text, null)
				.findings()
				.stream()
				.anyMatch(f -> f.severity() != Finding.Severity.NOTE);
			if (options.containsKey("tsv")) {
				return evaluateFile(LabelledSet.read(Path.of(options.get("tsv"))), rules, heldByRules,
						Path.of(options.get("model-dir")));
			}
			int folds;
			try {
				folds = Integer.parseInt(options.get("folds"));
			}
			catch (NumberFormatException ex) {
				throw new LabelledSet.Malformed("--folds must be a whole number, not '" + options.get("folds") + "'");
			}
			List<LabelledSet> sets = new ArrayList<>();
			for (String file : options.get("seed").split(",")) {
				sets.add(LabelledSet.read(Path.of(file.strip())).requireBothLabels());
			}
			if (sets.size() > 1) {
				return acrossAuthors(sets, heldByRules, folds, options);
			}
			return crossValidate(sets.get(0), heldByRules, folds, options);
		}
		catch (LabelledSet.Malformed | MalformedRules | ModelFile.Unreadable ex) {
			out.println(text("screening.triage.cli.error", ex.getMessage()));
			return ERROR;
		}
	}

	/** The same, printing to {@code out} in the given language. */
	int run(String[] args, PrintStream out, Locale locale) {
		this.out = out;
		this.locale = locale;
		return run(args);
	}

	private int crossValidate(LabelledSet seed, Predicate<String> heldByRules, int folds, Map<String, String> options) {
		LabelledSet.Split split = seed.split();
		split.training().requireBothLabels();
		split.heldOut().requireBothLabels();
		out.printf(Locale.ROOT, "%s: %d messages (%d risky, %d benign); split seed %d: training %d, held-out %d%n",
				seed.name(), seed.size(), seed.risky(), seed.benign(), LabelledSet.SPLIT_SEED, split.training().size(),
				split.heldOut().size());
		out.printf(Locale.ROOT, "rules: %s, facility %s; model: %s%n", options.get("rules-dir"),
				options.get("facility"), Evaluation.LINEAR.name());
		Evaluation.Report report = Evaluation.run(Evaluation.LINEAR, split, heldByRules, folds, 1);
		header();
		row("rules alone, training part", report.crossValidation().rulesAlone());
		row("rules alone, held-out part", report.heldOut().rulesAlone());
		row(folds + "-fold cv, rules + model", report.crossValidationAtThreshold());
		row("held-out, rules + model", report.heldOutAtThreshold());
		out.printf(Locale.ROOT,
				"threshold %.3f, chosen in cross-validation: rules + model hold >= %.0f %% of risky, lowered while >= 90 %% of benign stay straight through%n",
				report.threshold(), Evaluation.RECALL_TARGET * 100);
		out.printf(Locale.ROOT, "model alone, AUC: cross-validation %.3f, held-out %.3f%n",
				report.crossValidation().auc(), report.heldOut().auc());
		out.printf(Locale.ROOT,
				"a screener no longer reads, at %.0f %% recall of risky: cross-validation %.1f %%, held-out %.1f %%%n",
				Evaluation.RECALL_TARGET * 100,
				100 * report.crossValidation()
					.at(report.crossValidation().thresholdFor(Evaluation.RECALL_TARGET))
					.notRead(),
				100 * report.heldOut().at(report.heldOut().thresholdFor(Evaluation.RECALL_TARGET)).notRead());
		return 0;
	}

	/**
	 * Several labelled sets, each by its own author: each scored by a model trained on
	 * the others (the threshold is chosen there, as new wording would score), and k-fold
	 * cross-validation over all of them, at the same threshold.
	 */
	private int acrossAuthors(List<LabelledSet> sets, Predicate<String> heldByRules, int folds,
			Map<String, String> options) {
		LabelledSet all = sets.get(0);
		for (LabelledSet set : sets.subList(1, sets.size())) {
			all = all.plus(set.examples(), set.name());
		}
		for (LabelledSet set : sets) {
			out.printf(Locale.ROOT, "%s: %d messages (%d risky, %d benign)%n", set.name(), set.size(), set.risky(),
					set.benign());
		}
		out.printf(Locale.ROOT, "rules: %s, facility %s; model: %s%n", options.get("rules-dir"),
				options.get("facility"), Evaluation.LINEAR.name());
		List<Evaluation.Scored> authors = Evaluation.perAuthor(Evaluation.LINEAR, sets, heldByRules);
		Evaluation.Scored across = Evaluation.pooled(authors);
		Evaluation.Scored cv = Evaluation.crossValidate(Evaluation.LINEAR, all, heldByRules, folds, 1);
		double threshold = Evaluation.thresholdAcrossAuthors(authors);
		header();
		row("rules alone, all sets", cv.rulesAlone());
		for (int i = 0; i < sets.size(); i++) {
			row(trim("across authors: " + Path.of(sets.get(i).name()).getFileName()), authors.get(i).at(threshold));
		}
		row("across authors, rules + model", across.at(threshold));
		row(folds + "-fold cv of all, rules + model", cv.at(threshold));
		out.printf(Locale.ROOT,
				"threshold %.3f, chosen across authors: where the author who fares worst comes closest to >= %.0f %% of risky held and >= %.0f %% of benign straight through%n",
				threshold, Evaluation.RECALL_TARGET * 100, Evaluation.BENIGN_THROUGH_TARGET * 100);
		out.printf(Locale.ROOT, "model alone, AUC: across authors %.3f, %d-fold cross-validation %.3f%n", across.auc(),
				folds, cv.auc());
		out.printf(Locale.ROOT,
				"a screener no longer reads, at %.0f %% recall of risky: across authors %.1f %%, cross-validation %.1f %%%n",
				Evaluation.RECALL_TARGET * 100,
				100 * across.at(across.thresholdFor(Evaluation.RECALL_TARGET)).notRead(),
				100 * cv.at(cv.thresholdFor(Evaluation.RECALL_TARGET)).notRead());
		return 0;
	}

	private static String trim(String what) {
		return what.length() <= 40 ? what : what.substring(0, 39) + "…";
	}

	private int evaluateFile(LabelledSet set, RuleSet rules, Predicate<String> heldByRules, Path modelDir) {
		TriageModel model = ModelFile.read(ModelFile.in(modelDir));
		double threshold = rules.modelReviewAbove().orElse(Double.POSITIVE_INFINITY);
		Evaluation.Scored scored = Evaluation.score(text -> model.score(text).value(), set, heldByRules);
		out.printf(Locale.ROOT, "%s: %d messages (%d risky, %d benign); model %s; review-above %s%n", set.name(),
				set.size(), set.risky(), set.benign(), model.version(),
				rules.modelReviewAbove().isPresent() ? String.format(Locale.ROOT, "%.3f", threshold) : "off");
		header();
		row("rules alone", scored.rulesAlone());
		row("rules + model, as the service decides", scored.at(threshold));
		out.printf(Locale.ROOT,
				"model alone, AUC %.3f; a screener no longer reads, at %.0f %% recall of risky: %.1f %%%n",
				scored.auc(), Evaluation.RECALL_TARGET * 100,
				100 * scored.at(scored.thresholdFor(Evaluation.RECALL_TARGET)).notRead());
		return 0;
	}

	private void header() {
		out.printf(Locale.ROOT, "%-40s %8s %9s %9s %9s %9s%n", "", "risky", "risky", "benign", "benign", "not");
		out.printf(Locale.ROOT, "%-40s %8s %9s %9s %9s %9s%n", "", "recall", "precision", "straight", "precision",
				"read");
	}

	private void row(String what, Evaluation.Point p) {
		out.printf(Locale.ROOT, "%-40s %7.1f%% %8.1f%% %8.1f%% %8.1f%% %8.1f%%%n", what, 100 * p.riskyRecall(),
				100 * p.riskyPrecision(), 100 * p.benignRecall(), 100 * p.benignPrecision(), 100 * p.notRead());
	}

	private String text(String code, Object... args) {
		return messages.getMessage(code, args, locale);
	}

}
