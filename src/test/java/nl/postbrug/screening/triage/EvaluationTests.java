package nl.postbrug.screening.triage;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EvaluationTests {

	/** Twenty messages: scores of ten risky and ten harmless ones, none held by rules. */
	private static Evaluation.Scored author(double[] risky, double[] benign) {
		double[] scores = new double[risky.length + benign.length];
		boolean[] labels = new boolean[scores.length];
		for (int i = 0; i < risky.length; i++) {
			scores[i] = risky[i];
			labels[i] = true;
		}
		System.arraycopy(benign, 0, scores, risky.length, benign.length);
		return new Evaluation.Scored(scores, labels, new boolean[scores.length]);
	}

	@Test
	void theThresholdAcrossAuthorsServesTheAuthorWhoFaresWorst() {
		// an easy author: every risky message above 0.6, every harmless one below 0.3
		Evaluation.Scored easy = author(new double[] { .61, .65, .7, .72, .75, .8, .85, .9, .95, .99 },
				new double[] { .01, .02, .05, .08, .1, .12, .15, .2, .25, .29 });
		// a hard author: harmless messages reach 0.55, one risky message scores 0.45
		Evaluation.Scored hard = author(new double[] { .45, .62, .66, .7, .74, .78, .82, .86, .9, .94 },
				new double[] { .05, .1, .15, .2, .25, .3, .35, .4, .5, .55 });
		double threshold = Evaluation.thresholdAcrossAuthors(List.of(easy, hard));
		// the hard author keeps every risky message held (below 0.45) and the most
		// harmless ones through that allows: 8 of 10 (0.5 and 0.55 are held)
		assertThat(threshold).isLessThan(0.45).isGreaterThanOrEqualTo(0.4);
		assertThat(hard.at(threshold).riskyRecall()).isEqualTo(1.0);
		assertThat(hard.at(threshold).benignRecall()).isEqualTo(0.8);
		assertThat(easy.at(threshold).riskyRecall()).isEqualTo(1.0);
		assertThat(easy.at(threshold).benignRecall()).isEqualTo(1.0);
		// pooled, the highest threshold holding 95 % of the risky lets one more hard
		// harmless message through but misses the hard author's 0.45
		Evaluation.Scored pooled = easy.plus(hard);
		assertThat(pooled.thresholdFor(Evaluation.RECALL_TARGET)).isGreaterThanOrEqualTo(0.45);
		assertThat(hard.at(pooled.thresholdFor(Evaluation.RECALL_TARGET)).riskyRecall()).isEqualTo(0.9);
	}

}
