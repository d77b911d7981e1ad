package nl.postbrug.operations.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import nl.postbrug.batches.BatchAssembled;
import nl.postbrug.batches.BatchPrintFailed;
import nl.postbrug.intake.MessageStatus;
import nl.postbrug.operations.OperationsFigures;
import nl.postbrug.registry.Facility;
import nl.postbrug.registry.Registry;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The service's own figures under {@code postbrug_*} ({@code /actuator/prometheus}).
 * Gauges (messages per state, review queue, failed prints; the overdue letters gauge is
 * delivery's) are read from the database every
 * {@code postbrug.operations.metrics-refresh}, so every node reports the same; batch
 * durations, pages and print failures are counted by the node that did the work, as they
 * happen.
 */
@Component
class PostbrugMetrics {

	private static final Logger log = LoggerFactory.getLogger(PostbrugMetrics.class);

	private final MeterRegistry meters;

	private final OperationsFigures figures;

	private final Registry registry;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final MultiGauge messages;

	private final MultiGauge reviewSize;

	private final MultiGauge reviewOldest;

	private final MultiGauge printFailed;

	PostbrugMetrics(MeterRegistry meters, OperationsFigures figures, Registry registry, JdbcTemplate jdbc,
			Clock clock) {
		this.meters = meters;
		this.figures = figures;
		this.registry = registry;
		this.jdbc = JdbcClient.create(jdbc);
		this.clock = clock;
		this.messages = MultiGauge.builder("postbrug.messages")
			.description("Messages per facility in each state")
			.register(meters);
		this.reviewSize = MultiGauge.builder("postbrug.review.queue.size")
			.description("Messages waiting for a screener")
			.register(meters);
		this.reviewOldest = MultiGauge.builder("postbrug.review.queue.oldest.age")
			.description("How long the oldest message in review has waited")
			.baseUnit("seconds")
			.register(meters);
		this.printFailed = MultiGauge.builder("postbrug.batches.print.failed")
			.description("Batches waiting in PRINT_FAILED")
			.register(meters);
	}

	@Scheduled(initialDelay = 0, fixedDelayString = "${postbrug.operations.metrics-refresh:30s}")
	void refresh() {
		try {
			Instant now = clock.instant();
			List<Facility> facilities = registry.facilities();
			Map<Long, Map<MessageStatus, Long>> perState = figures.messagesPerState();
			List<MultiGauge.Row<?>> messageRows = new ArrayList<>();
			List<MultiGauge.Row<?>> sizeRows = new ArrayList<>();
			List<MultiGauge.Row<?>> oldestRows = new ArrayList<>();
			List<MultiGauge.Row<?>> failedRows = new ArrayList<>();
			for (Facility facility : facilities) {
				Tags tags = Tags.of("facility", facility.code());
				registerEventMeters(tags);
				Map<MessageStatus, Long> counts = perState.getOrDefault(facility.id(), Map.of());
				for (MessageStatus state : MessageStatus.values()) {
					messageRows.add(MultiGauge.Row.of(tags.and("state", state.name()), counts.getOrDefault(state, 0L)));
				}
				OperationsFigures.Backlog backlog = figures.backlog(facility.id());
				sizeRows.add(MultiGauge.Row.of(tags, backlog.size()));
				oldestRows.add(MultiGauge.Row.of(tags, backlog.oldestWait(now).map(Duration::toSeconds).orElse(0L)));
				failedRows.add(MultiGauge.Row.of(tags, figures.failedPrints(facility.id())));
			}
			messages.register(messageRows, true);
			reviewSize.register(sizeRows, true);
			reviewOldest.register(oldestRows, true);
			printFailed.register(failedRows, true);
		}
		catch (RuntimeException ex) {
			log.warn("Metrics could not be read from the database: {}", ex.getMessage());
		}
	}

	@EventListener
	void on(BatchAssembled assembled) {
		Tags tags = Tags.of("facility", assembled.facility());
		pages(tags).record(assembled.pages());
		letters(tags).record(assembled.letters());
		jdbc.sql("SELECT created_at FROM batch WHERE id = ?")
			.param(assembled.batchId())
			.query(OffsetDateTime.class)
			.optional()
			.ifPresent(created -> assembly(tags).record(Duration.between(created.toInstant(), clock.instant())));
	}

	@EventListener
	void on(BatchPrintFailed failed) {
		printFailures(Tags.of("facility", failed.facility())).increment();
	}

	/** Shown at zero from the start, so a dashboard finds them before the first batch. */
	private void registerEventMeters(Tags tags) {
		pages(tags);
		letters(tags);
		assembly(tags);
		printFailures(tags);
	}

	private DistributionSummary pages(Tags tags) {
		return DistributionSummary.builder("postbrug.batch.pages")
			.description("Pages per assembled batch")
			.tags(tags)
			.register(meters);
	}

	private DistributionSummary letters(Tags tags) {
		return DistributionSummary.builder("postbrug.batch.letters")
			.description("Letters per assembled batch")
			.tags(tags)
			.register(meters);
	}

	private Timer assembly(Tags tags) {
		return Timer.builder("postbrug.batch.assembly")
			.description("From a batch's start to its PDF being stored")
			.tags(tags)
			.register(meters);
	}

	private Counter printFailures(Tags tags) {
		return Counter.builder("postbrug.print.failures")
			.description("Print attempts a printer refused or did not answer")
			.tags(tags)
			.register(meters);
	}

}
