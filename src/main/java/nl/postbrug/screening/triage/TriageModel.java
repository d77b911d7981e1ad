package nl.postbrug.screening.triage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A trained triage model: scores a message from 0 (harmless) to 1 (risky) and says which
 * words raised the score and in which sentence. Each sentence is scored on its own as
 * well as the whole message; the riskiest sentence counts for a quarter of the score and
 * is the one pointed at, so one risky sentence in a long family letter is not averaged
 * away. Immutable: screening threads share one instance, and a retrained model replaces
 * it as a whole.
 */
public final class TriageModel {

	/**
	 * What the model is: its version, when it was trained, on how many examples (of which
	 * reviewed messages), the SHA-256 of its training data, and its figures.
	 */
	public record Info(String version, Instant trainedAt, int examples, int reviewed, String dataDigest,
			Map<String, Double> metrics) {

		public Info {
			metrics = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
		}

	}

	/**
	 * A message's score, the sentence that drove it ({@code start} inclusive, {@code end}
	 * exclusive; {@code null} for an empty text) and the words that raised it, strongest
	 * first.
	 */
	public record Score(double value, Integer start, Integer end, List<String> terms, String version) {
	}

	private static final int MIN_SENTENCE_WORDS = 3;

	/**
	 * The riskiest sentence's share of a message's score; the whole message has the rest.
	 * Measured across the two authors of the labelled sets (README "Triage model"): the
	 * riskiest sentence alone (the highest of it and the whole) held one in six more
	 * harmless letters of a new author at the same share of risky ones, because some
	 * ordinary sentence of nearly every long letter scores high; the whole message alone
	 * lets one sentence be averaged away in a long letter.
	 */
	static final double SENTENCE_WEIGHT = 0.25;

	private static final java.time.format.DateTimeFormatter VERSION_TIME = java.time.format.DateTimeFormatter
		.ofPattern("yyyyMMddHHmmssSSS")
		.withZone(java.time.ZoneOffset.UTC);

	final LinearModel linear;

	private final Info info;

	TriageModel(LinearModel linear, Info info) {
		this.linear = linear;
		this.info = info;
	}

	public Info info() {
		return info;
	}

	public String version() {
		return info.version();
	}

	public Score score(String text) {
		Features.Tokens tokens = Features.tokens(text);
		Features.Vector whole = Features.of(tokens);
		double wholeScore = linear.score(whole);
		Features.Vector driver = whole;
		int start = tokens.words().isEmpty() ? -1 : tokens.starts()[0];
		int end = tokens.words().isEmpty() ? -1 : tokens.ends()[tokens.words().size() - 1];
		List<int[]> sentences = Sentences.split(text);
		if (sentences.size() == 1) {
			start = sentences.get(0)[0];
			end = sentences.get(0)[1];
		}
		double bestSentence = -1;
		if (sentences.size() > 1) {
			int w = 0;
			for (int[] sentence : sentences) {
				int first = w;
				while (w < tokens.words().size() && tokens.starts()[w] < sentence[1]) {
					w++;
				}
				if (w - first < MIN_SENTENCE_WORDS) {
					continue;
				}
				Features.Tokens part = new Features.Tokens(tokens.words().subList(first, w),
						java.util.Arrays.copyOfRange(tokens.starts(), first, w),
						java.util.Arrays.copyOfRange(tokens.ends(), first, w));
				Features.Vector x = Features.of(part);
				double score = linear.score(x);
				if (score > bestSentence) {
					bestSentence = score;
					start = sentence[0];
					end = sentence[1];
					driver = x;
				}
			}
		}
		double value = bestSentence < 0 ? wholeScore
				: (1 - SENTENCE_WEIGHT) * wholeScore + SENTENCE_WEIGHT * bestSentence;
		return new Score(value, start < 0 ? null : start, start < 0 ? null : end, linear.raisedBy(driver, 6),
				info.version());
	}

	/**
	 * Trains a model on a labelled set.
	 * @param reviewed how many of the examples are screeners' decisions
	 */
	public static TriageModel train(LabelledSet set, int reviewed, Instant trainedAt, Map<String, Double> metrics) {
		set.requireBothLabels();
		List<Features.Vector> xs = new ArrayList<>(set.size());
		boolean[] risky = new boolean[set.size()];
		List<Boolean> labels = new ArrayList<>();
		for (int i = 0; i < set.size(); i++) {
			String text = set.examples().get(i).text();
			xs.add(Features.of(text));
			labels.add(set.examples().get(i).risky());
			// Every sentence of a harmless message is harmless: learning them keeps the
			// per-sentence scores of long family letters low.
			if (!set.examples().get(i).risky()) {
				List<int[]> sentences = Sentences.split(text);
				if (sentences.size() > 1) {
					for (int[] s : sentences) {
						xs.add(Features.of(text.substring(s[0], s[1])));
						labels.add(false);
					}
				}
			}
		}
		risky = new boolean[labels.size()];
		for (int i = 0; i < risky.length; i++) {
			risky[i] = labels.get(i);
		}
		LinearModel linear = LinearModel.train(xs, risky, LinearModel.Settings.DEFAULT);
		String digest = set.digest();
		String version = "tm-" + VERSION_TIME.format(trainedAt) + "-" + digest.substring(0, 8);
		return new TriageModel(linear, new Info(version, trainedAt, set.size(), reviewed, digest, metrics));
	}

	/** The same model carrying other figures (measured after training). */
	public TriageModel withMetrics(Map<String, Double> metrics) {
		return new TriageModel(linear, new Info(info.version(), info.trainedAt(), info.examples(), info.reviewed(),
				info.dataDigest(), metrics));
	}

	static String hex(byte[] bytes) {
		return HexFormat.of().formatHex(bytes);
	}

}
