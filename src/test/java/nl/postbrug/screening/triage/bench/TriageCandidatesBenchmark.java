package nl.postbrug.screening.triage.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import nl.postbrug.screening.Finding;
import nl.postbrug.screening.ScreeningSettings;
import nl.postbrug.screening.rules.ContentChecks;
import nl.postbrug.screening.rules.RuleBook;
import nl.postbrug.screening.rules.RuleSet;
import nl.postbrug.screening.triage.Evaluation;
import nl.postbrug.screening.triage.LabelledSet;

import org.junit.jupiter.api.Test;

/**
 * The two triage candidates on the same labelled sets and the same rules (each author's
 * set scored by a model trained on the other, and 5-fold cross-validation of both): the
 * linear model on hashed n-grams that the service uses, and sentence embeddings computed
 * in-process (all-MiniLM-L6-v2, quantised, inside its jar: nothing is downloaded) with a
 * logistic regression on top. Both score sentences as well as whole messages, the
 * riskiest sentence counting for a quarter. Prints the figures and each candidate's
 * scoring speed on one thread. Run with
 * {@code ./mvnw -Pbench test -Dtest=TriageCandidatesBenchmark}.
 */
class TriageCandidatesBenchmark {

	private static final AllMiniLmL6V2QuantizedEmbeddingModel MINI_LM = new AllMiniLmL6V2QuantizedEmbeddingModel();

	private static final Map<String, float[]> EMBEDDINGS = new ConcurrentHashMap<>();

	@Test
	void compareCandidates() {
		RuleSet rules = new RuleBook(new ScreeningSettings(Path.of("samples", "rules"), false)).forFacility("default");
		Predicate<String> heldByRules = text -> ContentChecks.check(rules, text, null)
			.findings()
			.stream()
			.anyMatch(f -> f.severity() != Finding.Severity.NOTE);
		List<LabelledSet> authors = new ArrayList<>();
		for (String file : nl.postbrug.screening.TriageSettings.SAMPLE_SETS.split(",")) {
			authors.add(LabelledSet.read(Path.of(file)));
		}
		LabelledSet all = authors.get(0);
		for (LabelledSet author : authors.subList(1, authors.size())) {
			all = all.plus(author.examples(), "all");
		}
		for (Evaluation.Candidate candidate : List.of(Evaluation.LINEAR, EMBEDDINGS_CANDIDATE)) {
			long started = System.nanoTime();
			List<Evaluation.Scored> perAuthor = Evaluation.perAuthor(candidate, authors, heldByRules);
			Evaluation.Scored across = Evaluation.pooled(perAuthor);
			Evaluation.Scored cv = Evaluation.crossValidate(candidate, all, heldByRules, 5, 1);
			double threshold = Evaluation.thresholdAcrossAuthors(perAuthor);
			Evaluation.Scorer scorer = candidate.train(authors.get(0));
			System.out.println(candidate.name());
			System.out.printf(Locale.ROOT, "  evaluation took %.1f s%n", (System.nanoTime() - started) / 1e9);
			print("  across authors, rules + model", across.at(threshold));
			for (int i = 0; i < authors.size(); i++) {
				print("    " + authors.get(i).name(), perAuthor.get(i).at(threshold));
			}
			print("  5-fold cv of all, same threshold", cv.at(threshold));
			print("  across authors, at 95 % recall", across.at(across.thresholdFor(0.95)));
			print("  5-fold cv, at 95 % recall      ", cv.at(cv.thresholdFor(0.95)));
			System.out.printf(Locale.ROOT, "  AUC model alone: across authors %.3f, cv %.3f%n", across.auc(), cv.auc());
			System.out.printf(Locale.ROOT, "  scoring speed, one thread: %.0f messages/s%n",
					speed(scorer, authors.get(1)));
		}
	}

	private static void print(String what, Evaluation.Point p) {
		System.out.printf(Locale.ROOT,
				"%s (t=%.3f): risky recall %.3f precision %.3f | benign straight through %.3f precision %.3f | not read %.3f%n",
				what, p.threshold(), p.riskyRecall(), p.riskyPrecision(), p.benignRecall(), p.benignPrecision(),
				p.notRead());
	}

	private static double speed(Evaluation.Scorer scorer, LabelledSet set) {
		List<String> texts = new ArrayList<>();
		Random random = new Random(3);
		for (int i = 0; i < 300; i++) {
			// texts not seen before, so no cache helps
			texts.add(set.examples().get(random.nextInt(set.size())).text() + " " + i);
		}
		long started = System.nanoTime();
		for (String text : texts) {
			scorer.score(text);
		}
		return texts.size() / ((System.nanoTime() - started) / 1e9);
	}

	/**
	 * Sentence embeddings and a logistic regression, sentences scored like the linear
	 * model.
	 */
	static final Evaluation.Candidate EMBEDDINGS_CANDIDATE = new Evaluation.Candidate() {

		@Override
		public String name() {
			return "sentence embeddings (all-MiniLM-L6-v2 quantised, in-process) + logistic regression";
		}

		@Override
		public Evaluation.Scorer train(LabelledSet set) {
			List<float[]> xs = new ArrayList<>();
			List<Boolean> ys = new ArrayList<>();
			for (LabelledSet.Example example : set.examples()) {
				xs.add(embed(example.text()));
				ys.add(example.risky());
				if (!example.risky()) {
					for (String sentence : sentences(example.text())) {
						xs.add(embed(sentence));
						ys.add(false);
					}
				}
			}
			double[] w = logistic(xs, ys);
			return text -> {
				double whole = score(w, embed(text));
				List<String> parts = sentences(text);
				if (parts.size() < 2) {
					return whole;
				}
				double best = 0;
				for (String sentence : parts) {
					best = Math.max(best, score(w, embed(sentence)));
				}
				// as the linear model: the riskiest sentence counts for a quarter
				return 0.75 * whole + 0.25 * best;
			};
		}

	};

	private static float[] embed(String text) {
		return EMBEDDINGS.computeIfAbsent(text, t -> MINI_LM.embed(t).content().vector());
	}

	private static List<String> sentences(String text) {
		List<String> parts = new ArrayList<>();
		for (String part : text.split("(?<=[.!?;])\\s+|\\n")) {
			if (part.strip().split("\\s+").length >= 3) {
				parts.add(part.strip());
			}
		}
		return parts;
	}

	private static double score(double[] w, float[] x) {
		double z = w[x.length];
		for (int i = 0; i < x.length; i++) {
			z += w[i] * x[i];
		}
		return 1 / (1 + Math.exp(-z));
	}

	/** Batch gradient descent with balanced class weights and a little L2. */
	private static double[] logistic(List<float[]> xs, List<Boolean> ys) {
		int d = xs.get(0).length;
		double[] w = new double[d + 1];
		long positives = ys.stream().filter(y -> y).count();
		double pw = xs.size() / (2.0 * positives);
		double nw = xs.size() / (2.0 * (xs.size() - positives));
		for (int epoch = 0; epoch < 400; epoch++) {
			double[] g = new double[d + 1];
			for (int k = 0; k < xs.size(); k++) {
				float[] x = xs.get(k);
				double err = (score(w, x) - (ys.get(k) ? 1 : 0)) * (ys.get(k) ? pw : nw);
				for (int i = 0; i < d; i++) {
					g[i] += err * x[i];
				}
				g[d] += err;
			}
			for (int i = 0; i <= d; i++) {
				w[i] -= 2.0 * (g[i] / xs.size() + (i < d ? 1e-4 * w[i] : 0));
			}
		}
		return w;
	}

}
