package nl.postbrug.screening;

import java.nio.file.Path;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param modelDir the folder holding the current triage model file (shared by all nodes)
 * @param seedFiles the labelled sets trained on together with screeners' decisions
 * @param trainingCron when the model is retrained (Quartz cron, Europe/Amsterdam); empty
 * for on demand only
 * @param trainWhenMissing whether start-up trains a model when there is no model file
 * (the demo does); a damaged file is never replaced unasked
 */
@ConfigurationProperties("postbrug.screening.triage")
public record TriageSettings(@DefaultValue("data/triage") Path modelDir,
		@DefaultValue(SAMPLE_SETS) List<Path> seedFiles, @DefaultValue("0 30 3 * * ?") String trainingCron,
		@DefaultValue("false") boolean trainWhenMissing) {

	/**
	 * The labelled sets in {@code samples/screening}, one per author: the model's
	 * training data and the evaluation's default (README "Triage model").
	 */
	public static final String SAMPLE_SETS = "samples/screening/seed.tsv,samples/screening/holdout.tsv,"
			+ "samples/screening/blind.tsv,samples/screening/author-d.tsv,samples/screening/author-e.tsv,"
			+ "samples/screening/author-f.tsv,samples/screening/author-g.tsv,samples/screening/author-h.tsv,"
			+ "samples/screening/author-i.tsv";

}
