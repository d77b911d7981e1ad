package nl.postbrug.screening.triage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Logistic regression over hashed features ({@link Features}), trained with AdaGrad and
 * L2 regularisation, the two classes weighted equally whatever their counts. Immutable
 * once trained, so any number of threads score with one instance.
 */
final class LinearModel {

	/** What training does; the defaults are the ones the evaluation chose. */
	record Settings(int epochs, double learningRate, double l2, long seed) {

		static final Settings DEFAULT = new Settings(30, 0.1, 1e-5, 7L);

	}

	final float[] weights;

	final float bias;

	LinearModel(float[] weights, float bias) {
		this.weights = weights;
		this.bias = bias;
	}

	double score(Features.Vector x) {
		return sigmoid(margin(x));
	}

	double margin(Features.Vector x) {
		double sum = bias;
		for (int i = 0; i < x.size(); i++) {
			sum += weights[x.index()[i]] * x.value()[i];
		}
		return sum;
	}

	/**
	 * The words that raised the score most, strongest first: each word's share of the
	 * margin (its own feature, the pair it starts and its character n-grams).
	 */
	List<String> raisedBy(Features.Vector x, int limit) {
		int words = x.tokens().words().size();
		double[] share = new double[words];
		for (int i = 0; i < x.size(); i++) {
			share[x.word()[i]] += weights[x.index()[i]] * x.value()[i];
		}
		Integer[] order = new Integer[words];
		for (int i = 0; i < words; i++) {
			order[i] = i;
		}
		Arrays.sort(order, (a, b) -> Double.compare(share[b], share[a]));
		List<String> raised = new ArrayList<>();
		for (Integer w : order) {
			if (raised.size() == limit || share[w] <= 0.05) {
				break;
			}
			String word = x.tokens().words().get(w);
			if (!word.startsWith("#") && !raised.contains(word)) {
				raised.add(word);
			}
		}
		return raised;
	}

	static LinearModel train(List<Features.Vector> xs, boolean[] risky, Settings settings) {
		int n = xs.size();
		long positives = 0;
		for (boolean r : risky) {
			positives += r ? 1 : 0;
		}
		double positiveWeight = n / (2.0 * Math.max(1, positives));
		double negativeWeight = n / (2.0 * Math.max(1, n - positives));
		float[] w = new float[Features.DIMENSIONS];
		float[] g2 = new float[Features.DIMENSIONS];
		double b = 0;
		double bg2 = 0;
		Integer[] order = new Integer[n];
		for (int i = 0; i < n; i++) {
			order[i] = i;
		}
		Random random = new Random(settings.seed());
		for (int epoch = 0; epoch < settings.epochs(); epoch++) {
			java.util.Collections.shuffle(Arrays.asList(order), random);
			for (int k : order) {
				Features.Vector x = xs.get(k);
				double margin = b;
				for (int i = 0; i < x.size(); i++) {
					margin += w[x.index()[i]] * x.value()[i];
				}
				double y = risky[k] ? 1 : 0;
				double gradient = (sigmoid(margin) - y) * (risky[k] ? positiveWeight : negativeWeight);
				for (int i = 0; i < x.size(); i++) {
					int j = x.index()[i];
					double g = gradient * x.value()[i] + settings.l2() * w[j];
					g2[j] += (float) (g * g);
					w[j] -= (float) (settings.learningRate() * g / Math.sqrt(g2[j] + 1e-8));
				}
				bg2 += gradient * gradient;
				b -= settings.learningRate() * gradient / Math.sqrt(bg2 + 1e-8);
			}
		}
		return new LinearModel(w, (float) b);
	}

	static double sigmoid(double z) {
		return 1 / (1 + Math.exp(-z));
	}

}
