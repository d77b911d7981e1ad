package nl.postbrug.screening.triage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;

/**
 * Measures a candidate model together with the rules, as screening decides: a message is
 * held for a screener when a rule holds it or its score is above the threshold. The
 * threshold is chosen on cross-validation over the training part only (the highest one
 * that still holds the target share of risky messages) and then applied, unchanged, to
 * the held-out part.
 */
public final class Evaluation {

	/** The share of risky messages that must be held. */
	public static final double RECALL_TARGET = 0.95;

	/**
	 * The share of harmless messages that must still go straight through at the chosen
	 * threshold, in cross-validation. The product's bar is 85 %; cross-validation
	 * flatters (new wording scores lower than the folds' own), so the threshold is
	 * lowered, to hold more risky messages, only as far as 90 % of the harmless ones stay
	 * untouched.
	 */
	public static final double BENIGN_THROUGH_FLOOR = 0.90;

	/** The product's bar: the share of harmless messages that go straight through. */
	public static final double BENIGN_THROUGH_TARGET = 0.85;

	/** A way to learn a scorer from labelled messages. */
	public interface Candidate {

		String name();

		Scorer train(LabelledSet set);

	}

	/** Scores a text from 0 (harmless) to 1 (risky). */
	public interface Scorer {

		double score(String text);

	}

	/** The linear model on hashed word and character n-grams. */
	public static final Candidate LINEAR = new Candidate() {

		@Override
		public String name() {
			return "linear (words, word pairs, character 3-5-grams; hashed logistic regression)";
		}

		@Override
		public Scorer train(LabelledSet set) {
			TriageModel model = TriageModel.train(set, 0, java.time.Instant.EPOCH, java.util.Map.of());
			return text -> model.score(text).value();
		}

	};

	/** Figures at one threshold. */
	public record Point(double threshold, long riskyHeld, long risky, long benignHeld, long benign) {

		public double riskyRecall() {
			return ratio(riskyHeld, risky);
		}

		public double riskyPrecision() {
			return ratio(riskyHeld, riskyHeld + benignHeld);
		}

		/** The share of benign messages that go straight through. */
		public double benignRecall() {
			return ratio(benign - benignHeld, benign);
		}

		public double benignPrecision() {
			return ratio(benign - benignHeld, benign - benignHeld + risky - riskyHeld);
		}

		/** The share of all messages a screener does not read. */
		public double notRead() {
			return ratio(benign - benignHeld + risky - riskyHeld, benign + risky);
		}

		private static double ratio(long a, long b) {
			return b == 0 ? Double.NaN : (double) a / b;
		}

	}

	/** Scores and labels of a set, with what the rules alone did to each message. */
	public record Scored(double[] scores, boolean[] risky, boolean[] heldByRules) {

		public Point at(double threshold) {
			long riskyHeld = 0;
			long risky = 0;
			long benignHeld = 0;
			long benign = 0;
			for (int i = 0; i < scores.length; i++) {
				boolean held = heldByRules[i] || scores[i] > threshold;
				if (this.risky[i]) {
					risky++;
					riskyHeld += held ? 1 : 0;
				}
				else {
					benign++;
					benignHeld += held ? 1 : 0;
				}
			}
			return new Point(threshold, riskyHeld, risky, benignHeld, benign);
		}

		/** These messages and another set's together. */
		public Scored plus(Scored other) {
			int n = scores.length;
			int m = other.scores.length;
			double[] s = Arrays.copyOf(scores, n + m);
			System.arraycopy(other.scores, 0, s, n, m);
			boolean[] r = Arrays.copyOf(risky, n + m);
			System.arraycopy(other.risky, 0, r, n, m);
			boolean[] h = Arrays.copyOf(heldByRules, n + m);
			System.arraycopy(other.heldByRules, 0, h, n, m);
			return new Scored(s, r, h);
		}

		/** The rules alone. */
		public Point rulesAlone() {
			return at(Double.POSITIVE_INFINITY);
		}

		/** The model alone (no rules), at a threshold. */
		public Point modelAlone(double threshold) {
			return new Scored(scores, risky, new boolean[scores.length]).at(threshold);
		}

		/**
		 * The highest threshold at which rules and model together still hold
		 * {@code target} of the risky messages; below the lowest score when none does.
		 */
		public double thresholdFor(double target) {
			double[] candidates = Arrays.stream(scores).distinct().sorted().toArray();
			double best = 0;
			for (double candidate : candidates) {
				// just below a score, so that score is held
				double threshold = Math.max(0, candidate - 1e-9);
				if (at(threshold).riskyRecall() >= target) {
					best = threshold;
				}
			}
			return best;
		}

		/**
		 * The threshold for the service: the one that holds {@link #RECALL_TARGET} of the
		 * risky messages, or lower where the harmless ones leave room for that, down to
		 * the lowest threshold that still lets {@link #BENIGN_THROUGH_FLOOR} of them
		 * through.
		 */
		public double chosenThreshold() {
			double forRecall = thresholdFor(RECALL_TARGET);
			double[] candidates = Arrays.stream(scores).distinct().sorted().toArray();
			for (double candidate : candidates) {
				double threshold = Math.max(0, candidate - 1e-9);
				Point point = at(threshold);
				if (point.benign() > 0 && 1 - (double) point.benignHeld() / point.benign() >= BENIGN_THROUGH_FLOOR) {
					return Math.min(forRecall, threshold);
				}
			}
			return forRecall;
		}

		/**
		 * The highest threshold at which the model alone holds {@code target} of the
		 * risky.
		 */
		public double modelAloneThresholdFor(double target) {
			return new Scored(scores, risky, new boolean[scores.length]).thresholdFor(target);
		}

		/** The area under the ROC curve of the scores alone. */
		public double auc() {
			List<double[]> pairs = new ArrayList<>();
			for (int i = 0; i < scores.length; i++) {
				pairs.add(new double[] { scores[i], risky[i] ? 1 : 0 });
			}
			pairs.sort((a, b) -> Double.compare(a[0], b[0]));
			double rankSum = 0;
			long positives = 0;
			int i = 0;
			while (i < pairs.size()) {
				int j = i;
				while (j < pairs.size() && pairs.get(j)[0] == pairs.get(i)[0]) {
					j++;
				}
				double rank = (i + j + 1) / 2.0;
				for (int k = i; k < j; k++) {
					if (pairs.get(k)[1] == 1) {
						rankSum += rank;
						positives++;
					}
				}
				i = j;
			}
			long negatives = pairs.size() - positives;
			return (rankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
		}

	}

	/** What the evaluation found for one candidate. */
	public record Report(String candidate, int folds, Scored crossValidation, Scored heldOut, double threshold) {

		public Point crossValidationAtThreshold() {
			return crossValidation.at(threshold);
		}

		public Point heldOutAtThreshold() {
			return heldOut.at(threshold);
		}

	}

	private Evaluation() {
	}

	/**
	 * Cross-validates a candidate on the training part, chooses the threshold there, and
	 * measures it on the held-out part with a scorer trained on the whole training part.
	 */
	public static Report run(Candidate candidate, LabelledSet.Split split, Predicate<String> heldByRules, int folds,
			long seed) {
		Scored cv = crossValidate(candidate, split.training(), heldByRules, folds, seed);
		double threshold = cv.chosenThreshold();
		Scored held = score(candidate.train(split.training()), split.heldOut(), heldByRules);
		return new Report(candidate.name(), folds, cv, held, threshold);
	}

	/** Out-of-fold scores: each message scored by a scorer that did not see it. */
	public static Scored crossValidate(Candidate candidate, LabelledSet set, Predicate<String> heldByRules, int folds,
			long seed) {
		if (folds < 2 || folds > set.size()) {
			throw new LabelledSet.Malformed("folds must be between 2 and the number of messages (" + set.size() + ")");
		}
		List<LabelledSet.Example> examples = set.examples();
		int[] fold = new int[examples.size()];
		for (boolean label : new boolean[] { true, false }) {
			List<Integer> of = new ArrayList<>();
			for (int i = 0; i < examples.size(); i++) {
				if (examples.get(i).risky() == label) {
					of.add(i);
				}
			}
			Collections.shuffle(of, new Random(seed));
			for (int k = 0; k < of.size(); k++) {
				fold[of.get(k)] = k % folds;
			}
		}
		double[] scores = new double[examples.size()];
		for (int f = 0; f < folds; f++) {
			List<LabelledSet.Example> training = new ArrayList<>();
			for (int i = 0; i < examples.size(); i++) {
				if (fold[i] != f) {
					training.add(examples.get(i));
				}
			}
			Scorer scorer = candidate.train(new LabelledSet(set.name() + " fold " + (f + 1), training));
			for (int i = 0; i < examples.size(); i++) {
				if (fold[i] == f) {
					scores[i] = scorer.score(examples.get(i).text());
				}
			}
		}
		return new Scored(scores, labels(set), rules(set, heldByRules));
	}

	/**
	 * Scores across authors: each set (one author's messages) scored by a scorer trained
	 * on all the other sets, so every score is of wording the scorer never learned from.
	 * Closer to what a new author's messages get than k-fold cross-validation, where each
	 * message's own author is in the training folds.
	 */
	public static Scored acrossSets(Candidate candidate, List<LabelledSet> sets, Predicate<String> heldByRules) {
		return pooled(perAuthor(candidate, sets, heldByRules));
	}

	/** Several sets' scores as one, in order. */
	public static Scored pooled(List<Scored> sets) {
		Scored all = sets.get(0);
		for (Scored set : sets.subList(1, sets.size())) {
			all = all.plus(set);
		}
		return all;
	}

	/**
	 * The threshold for the service from several authors' sets, each scored by a model
	 * trained on the others: the one at which the author who fares worst comes closest to
	 * both bars, that is whose smaller margin (risky held over {@link #RECALL_TARGET},
	 * harmless straight through over {@link #BENIGN_THROUGH_TARGET}) is the largest. A
	 * threshold fitted to all authors pooled suits the average author, while each new
	 * author's messages meet the bars or not on their own; ties go to the lower
	 * threshold, which holds more.
	 */
	public static double thresholdAcrossAuthors(List<Scored> authors) {
		double[] candidates = authors.stream()
			.flatMapToDouble(author -> Arrays.stream(author.scores()))
			.distinct()
			.sorted()
			.toArray();
		double best = 0;
		double bestMargin = Double.NEGATIVE_INFINITY;
		for (double candidate : candidates) {
			double threshold = Math.max(0, candidate - 1e-9);
			double worst = Double.POSITIVE_INFINITY;
			for (Scored author : authors) {
				Point point = author.at(threshold);
				double margin = Math.min(point.riskyRecall() - RECALL_TARGET,
						point.benignRecall() - BENIGN_THROUGH_TARGET);
				worst = Math.min(worst, margin);
			}
			if (worst > bestMargin + 1e-12) {
				bestMargin = worst;
				best = threshold;
			}
		}
		return best;
	}

	/** Each set scored by a scorer trained on all the other sets, in the sets' order. */
	public static List<Scored> perAuthor(Candidate candidate, List<LabelledSet> sets, Predicate<String> heldByRules) {
		if (sets.size() < 2) {
			throw new LabelledSet.Malformed("scoring across authors needs two sets or more");
		}
		List<Scored> all = new ArrayList<>();
		for (int i = 0; i < sets.size(); i++) {
			List<LabelledSet.Example> others = new ArrayList<>();
			for (int j = 0; j < sets.size(); j++) {
				if (j != i) {
					others.addAll(sets.get(j).examples());
				}
			}
			LabelledSet training = new LabelledSet("all but " + sets.get(i).name(), others).requireBothLabels();
			all.add(score(candidate.train(training), sets.get(i), heldByRules));
		}
		return all;
	}

	public static Scored score(Scorer scorer, LabelledSet set, Predicate<String> heldByRules) {
		double[] scores = new double[set.size()];
		for (int i = 0; i < set.size(); i++) {
			scores[i] = scorer.score(set.examples().get(i).text());
		}
		return new Scored(scores, labels(set), rules(set, heldByRules));
	}

	private static boolean[] labels(LabelledSet set) {
		boolean[] risky = new boolean[set.size()];
		for (int i = 0; i < set.size(); i++) {
			risky[i] = set.examples().get(i).risky();
		}
		return risky;
	}

	private static boolean[] rules(LabelledSet set, Predicate<String> heldByRules) {
		boolean[] held = new boolean[set.size()];
		for (int i = 0; i < set.size(); i++) {
			held[i] = heldByRules.test(set.examples().get(i).text());
		}
		return held;
	}

}
