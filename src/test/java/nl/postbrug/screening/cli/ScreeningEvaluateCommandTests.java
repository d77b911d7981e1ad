package nl.postbrug.screening.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

import nl.postbrug.screening.triage.LabelledSet;
import nl.postbrug.screening.triage.ModelFile;
import nl.postbrug.screening.triage.TriageModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ScreeningEvaluateCommandTests {

	@TempDir
	Path dir;

	private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

	private int run(String... args) {
		return new ScreeningEvaluateCommand().run(args, new PrintStream(printed, true, StandardCharsets.UTF_8),
				Locale.ENGLISH);
	}

	private String output() {
		return printed.toString(StandardCharsets.UTF_8);
	}

	@Test
	void scoresEachAuthorsSetWithAModelTrainedOnTheOthersAndCrossValidatesAll() {
		assertThat(new ScreeningEvaluateCommand().handles(new String[] { "screening", "evaluate" })).isTrue();
		assertThat(run("screening", "evaluate", "--folds=3")).isZero();
		assertThat(output()).contains("seed.tsv: 520 messages")
			.contains("holdout.tsv: 409 messages")
			.contains("across authors: holdout.tsv")
			.contains("across authors, rules + model")
			.contains("3-fold cv of all, rules + model")
			.contains("chosen across authors");
	}

	@Test
	void crossValidatesOneSetAndPrintsItsHeldOutFigures() {
		assertThat(run("screening", "evaluate", "--folds=3", "--seed=samples/screening/seed.tsv")).isZero();
		assertThat(output()).contains("split seed 20261201")
			.contains("3-fold cv, rules + model")
			.contains("held-out, rules + model")
			.contains("a screener no longer reads, at 95 % recall of risky");
	}

	@Test
	void evaluatesTheCurrentModelOnAnyTsvAsTheServiceDecides() throws Exception {
		TriageModel model = TriageModel.train(LabelledSet.read(Path.of("samples/screening/seed.tsv")), 0,
				Instant.parse("2026-12-01T10:00:00Z"), Map.of());
		ModelFile.write(ModelFile.in(dir), model);
		Path tsv = Files.writeString(dir.resolve("mine.tsv"), """
				label\ttext
				risky\tZeg tegen Bas dat hij de twee tassen morgen om acht uur bij de pomp moet afgeven.
				benign\tWe komen zaterdag om twee uur op bezoek, mama neemt de foto's mee.
				""");
		assertThat(run("screening", "evaluate", "--tsv=" + tsv, "--model-dir=" + dir)).isZero();
		assertThat(output()).contains("model " + model.version())
			.contains("review-above 0.390")
			.contains("as the service decides");
	}

	@Test
	void anEmptyOrMalformedTsvAMissingModelOrABadArgumentIsRefusedWithExitCode2() throws Exception {
		Path empty = Files.writeString(dir.resolve("empty.tsv"), "");
		assertThat(run("screening", "evaluate", "--tsv=" + empty, "--model-dir=" + dir)).isEqualTo(2);
		assertThat(output()).contains("Not evaluated").contains("empty");
		Path bad = Files.writeString(dir.resolve("bad.tsv"), "label\ttext\nrisky\tone\ttwo\n");
		assertThat(run("screening", "evaluate", "--seed=" + bad)).isEqualTo(2);
		assertThat(output()).contains("line 2 has 3 fields");
		Path good = Files.writeString(dir.resolve("good.tsv"), "label\ttext\nrisky\tone\nbenign\ttwo\n");
		assertThat(run("screening", "evaluate", "--tsv=" + good, "--model-dir=" + dir.resolve("none"))).isEqualTo(2);
		assertThat(output()).contains("no model file");
		assertThat(run("screening", "evaluate", "--colour=blue")).isEqualTo(2);
		assertThat(output()).contains("Usage: screening evaluate");
	}

}
