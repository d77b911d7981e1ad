package nl.postbrug.screening.triage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TriageModelTests {

	private static final Instant TRAINED = Instant.parse("2026-12-01T10:15:30Z");

	private static LabelledSet seed;

	private static TriageModel model;

	@BeforeAll
	static void train() {
		seed = LabelledSet.read(Path.of("samples", "screening", "seed.tsv"));
		model = TriageModel.train(seed.split().training(), 0, TRAINED, Map.of("auc", 0.9));
	}

	@Test
	void theSeedSetIsLargeBilingualAndHasBothLabels() {
		assertThat(seed.size()).isGreaterThanOrEqualTo(400);
		assertThat(seed.risky()).isGreaterThan(150);
		assertThat(seed.benign()).isGreaterThan(150);
		LabelledSet.Split split = seed.split();
		assertThat(split.training().size() + split.heldOut().size()).isEqualTo(seed.size());
		assertThat(split.heldOut().examples()).doesNotContainAnyElementsOf(split.training().examples());
		assertThat(seed.split().heldOut().examples()).isEqualTo(split.heldOut().examples());
	}

	@Test
	void aModelIsVersionedWithItsDataDigestAndFigures() {
		TriageModel.Info info = model.info();
		assertThat(info.version()).startsWith("tm-20261201101530000-")
			.endsWith(seed.split().training().digest().substring(0, 8));
		assertThat(info.examples()).isEqualTo(seed.split().training().size());
		assertThat(info.trainedAt()).isEqualTo(TRAINED);
		assertThat(info.metrics()).containsEntry("auc", 0.9);
	}

	@Test
	void oneRiskySentenceInALongFamilyLetterIsNotAveragedAwayAndIsPointedAt() {
		String family = "Lieve Sven, hier gaat alles goed. De kinderen zijn naar school en oma is jarig geweest. "
				+ "We hebben taart gegeten en de hond was weer gek. ";
		String risky = "Zeg tegen Rico dat hij de twee pakjes zaterdag om negen uur achter de sporthal moet neerleggen.";
		String letter = family + risky + " Volgende week komen we op bezoek. Heel veel liefs.";
		TriageModel.Score harmless = model.score(family + "Volgende week komen we op bezoek. Heel veel liefs.");
		TriageModel.Score score = model.score(letter);
		assertThat(score.value()).isGreaterThan(harmless.value() + 0.2);
		assertThat(letter.substring(score.start(), score.end())).isEqualTo(risky);
		assertThat(score.terms()).isNotEmpty().allSatisfy(term -> assertThat(risky.toLowerCase()).contains(term));
		assertThat(score.version()).isEqualTo(model.version());
	}

	@Test
	void theModelFileRoundTripsAndADamagedOneIsRefused(@TempDir Path dir) throws IOException {
		Path file = ModelFile.in(dir);
		ModelFile.write(file, model);
		TriageModel read = ModelFile.read(file);
		assertThat(read.info()).isEqualTo(model.info());
		String text = "The parcel will be behind the leisure centre on Thursday at nine, bring the cash.";
		assertThat(read.score(text)).isEqualTo(model.score(text));
		byte[] bytes = Files.readAllBytes(file);
		bytes[bytes.length / 2] ^= 0x55;
		Files.write(file, bytes);
		assertThatThrownBy(() -> ModelFile.read(file)).isInstanceOf(ModelFile.Unreadable.class)
			.hasMessageContaining("damaged");
		assertThatThrownBy(() -> ModelFile.read(dir.resolve("missing.bin"))).isInstanceOf(ModelFile.Unreadable.class)
			.hasMessageContaining("no model file");
	}

	@Test
	void emptyOrMalformedTrainingSetsAreRefusedWithTheLine() {
		assertThatThrownBy(() -> LabelledSet.parse("x.tsv", "")).hasMessageContaining("empty");
		assertThatThrownBy(() -> LabelledSet.parse("x.tsv", "text\tlabel\nrisky\thi")).hasMessageContaining("line 1");
		assertThatThrownBy(() -> LabelledSet.parse("x.tsv", "label\ttext\nrisky\thi\tthere"))
			.hasMessageContaining("line 2 has 3 fields");
		assertThatThrownBy(() -> LabelledSet.parse("x.tsv", "label\ttext\nmaybe\thi")).hasMessageContaining("'maybe'");
		assertThatThrownBy(() -> LabelledSet.parse("x.tsv", "label\ttext\nbenign\thi\nbenign\tho"))
			.hasMessageContaining("both labels");
		assertThatThrownBy(() -> TriageModel.train(new LabelledSet("none", List.of()), 0, TRAINED, Map.of()))
			.isInstanceOf(LabelledSet.Malformed.class);
	}

	@Test
	void evaluationChoosesTheThresholdOnCrossValidationAndMeasuresTheHeldOutPart() {
		Evaluation.Report report = Evaluation.run(Evaluation.LINEAR, seed.split(), text -> false, 5, 1);
		assertThat(report.crossValidationAtThreshold().riskyRecall()).isGreaterThanOrEqualTo(Evaluation.RECALL_TARGET);
		assertThat(report.heldOut().auc()).isGreaterThan(0.75);
		Evaluation.Point all = report.heldOut().at(-1);
		assertThat(all.riskyRecall()).isEqualTo(1.0);
		assertThat(all.benignRecall()).isEqualTo(0.0);
	}

}
