package nl.postbrug.screening;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import nl.postbrug.intake.MessageView;
import nl.postbrug.intake.Messages;
import nl.postbrug.screening.rules.ContentChecks;
import nl.postbrug.screening.rules.RuleBook;
import nl.postbrug.screening.rules.RuleSet;
import nl.postbrug.screening.triage.Evaluation;
import nl.postbrug.screening.triage.LabelledSet;
import nl.postbrug.screening.triage.ModelFile;
import nl.postbrug.screening.triage.TriageModel;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The triage model in use. Loaded from {@code <model-dir>/triage-model.bin} at start-up;
 * a missing or damaged file leaves screening on the rules alone and the reason in
 * {@link #problem()} (shown by the health indicator). Training reads the seed set and
 * every screener decision (approve = benign, reject or withhold = risky), measures the
 * new model by cross-validation, writes it, records it and only then puts it in use with
 * one reference swap: a message being screened keeps the model it started with, so none
 * is lost and none is scored twice.
 */
@Service
public class TriageModels {

	private static final Logger log = LoggerFactory.getLogger(TriageModels.class);

	private final TriageSettings settings;

	private final RuleBook rules;

	private final Messages messages;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final TransactionTemplate transactions;

	private final AtomicReference<TriageModel> current = new AtomicReference<>();

	private volatile String problem;

	TriageModels(TriageSettings settings, RuleBook rules, Messages messages, JdbcClient jdbc,
			ApplicationEventPublisher events, Clock clock, TransactionTemplate transactions) {
		this.transactions = transactions;
		this.settings = settings;
		this.rules = rules;
		this.messages = messages;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
		load();
	}

	/** The model in use, if any. */
	public Optional<TriageModel> current() {
		return Optional.ofNullable(current.get());
	}

	/** Why no model is in use, or {@code null} when one is. */
	public String problem() {
		return current.get() == null ? problem : null;
	}

	/** Reads the model file again (after a node trained one, or a file was replaced). */
	public void load() {
		Path file = ModelFile.in(settings.modelDir());
		try {
			TriageModel model = ModelFile.read(file);
			current.set(model);
			problem = null;
			log.info("Triage model {} loaded from {}", model.version(), file);
		}
		catch (ModelFile.Unreadable ex) {
			current.set(null);
			problem = Files.exists(file) ? ex.getMessage() : "no model trained yet (" + file + ")";
			log.warn("Screening runs on rules alone: {}", problem);
		}
	}

	/**
	 * Trains a model on the seed set and the screeners' decisions, measures it and puts
	 * it in use.
	 * @param actor who asked: an administrator's username or {@code schedule}
	 */
	public synchronized TriageModel train(String actor) {
		LabelledSet seed = null;
		for (java.nio.file.Path file : settings.seedFiles()) {
			LabelledSet set = LabelledSet.read(file);
			seed = seed == null ? set : seed.plus(set.examples(), set.name());
		}
		if (seed == null) {
			throw new LabelledSet.Malformed("no labelled set to train on (postbrug.screening.triage.seed-files)");
		}
		List<LabelledSet.Example> reviewed = reviewed();
		LabelledSet all = seed.plus(reviewed, reviewed.size() + " reviewed messages").requireBothLabels();
		Predicate<String> heldByRules = heldBy(rules.forFacility(RuleBook.DEFAULT_SET));
		Evaluation.Scored cv = Evaluation.crossValidate(Evaluation.LINEAR, all, heldByRules, 5, 1);
		double threshold = cv.chosenThreshold();
		Evaluation.Point point = cv.at(threshold);
		Map<String, Double> metrics = new LinkedHashMap<>();
		metrics.put("folds", 5.0);
		metrics.put("threshold", round(threshold));
		metrics.put("riskyRecall", round(point.riskyRecall()));
		metrics.put("riskyPrecision", round(point.riskyPrecision()));
		metrics.put("benignRecall", round(point.benignRecall()));
		metrics.put("benignPrecision", round(point.benignPrecision()));
		metrics.put("notRead", round(point.notRead()));
		metrics.put("auc", round(cv.auc()));
		TriageModel model = TriageModel.train(all, reviewed.size(), clock.instant(), metrics);
		ModelFile.write(ModelFile.in(settings.modelDir()), model);
		String figures = metrics.entrySet()
			.stream()
			.map(e -> e.getKey() + "=" + e.getValue())
			.collect(Collectors.joining(","));
		// the record and its audit event commit together
		transactions.executeWithoutResult(tx -> {
			// training is deterministic: the same data at the same instant is the same
			// model
			boolean known = jdbc.sql("SELECT COUNT(*) FROM triage_model WHERE version = ?")
				.param(model.version())
				.query(Long.class)
				.single() > 0;
			if (!known) {
				jdbc.sql(
						"INSERT INTO triage_model (version, trained_at, trained_by, examples, reviewed, data_digest, metrics) VALUES (?, ?, ?, ?, ?, ?, ?)")
					.params(model.version(), model.info().trainedAt().atOffset(java.time.ZoneOffset.UTC), actor,
							model.info().examples(), model.info().reviewed(), model.info().dataDigest(), figures)
					.update();
			}
			events.publishEvent(new TriageModelTrained(model.version(), model.info().examples(), reviewed.size(),
					model.info().dataDigest(), actor));
		});
		current.set(model);
		problem = null;
		log.info("Triage model {} trained on {} examples ({} reviewed): {}", model.version(), model.info().examples(),
				reviewed.size(), metrics);
		return model;
	}

	/** Screeners' decisions on messages whose text is still kept. */
	private List<LabelledSet.Example> reviewed() {
		List<LabelledSet.Example> examples = new ArrayList<>();
		jdbc.sql("SELECT message_id, decision FROM review_decision ORDER BY decided_at, message_id")
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
			.list()
			.forEach(decision -> messages.find(UUID.fromString(decision.getKey()))
				.map(MessageView::body)
				.filter(body -> !body.isBlank())
				.ifPresent(body -> examples.add(new LabelledSet.Example(body.replace('\t', ' ').strip(),
						!decision.getValue().equals(Review.Decision.APPROVE.name())))));
		return examples;
	}

	/** Whether the rules alone hold a text for a screener. */
	static Predicate<String> heldBy(RuleSet set) {
		return text -> ContentChecks.check(set, text, null)
			.findings()
			.stream()
			.anyMatch(finding -> finding.severity() != Finding.Severity.NOTE);
	}

	private static double round(double value) {
		return Double.isNaN(value) ? 0 : Math.round(value * 10_000) / 10_000.0;
	}

}
