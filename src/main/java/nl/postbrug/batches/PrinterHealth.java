package nl.postbrug.batches;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import nl.postbrug.batches.printer.Printer;
import nl.postbrug.batches.printer.PrinterUnavailable;
import nl.postbrug.batches.printer.Printers;
import nl.postbrug.registry.Facility;
import nl.postbrug.registry.Registry;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The {@code printers} component of {@code /actuator/health}, one entry per facility
 * ({@code /actuator/health/printers/PIA}): DOWN when its printer does not answer (an IPP
 * printer is asked Get-Printer-Attributes, a folder must be writable), OUT_OF_SERVICE
 * while the facility has a batch in PRINT_FAILED (staff must act, or wait for the retry),
 * UP otherwise; with the printer's own words and the outcome of the latest batch.
 * Printers are asked at most every {@code postbrug.batches.printer-check-interval} (30
 * seconds), and again as soon as one has printed. The printers are not part of the
 * liveness and readiness groups: a printer switched off at night is reported, but the
 * service is not restarted or taken out of rotation for it.
 */
@Component("printersHealthIndicator")
class PrinterHealth implements CompositeHealthContributor {

	private record Asked(Printer.Reachability answer, Instant at) {
	}

	private final Registry registry;

	private final Printers printers;

	private final BatchStore store;

	private final Clock clock;

	private final Duration askEvery;

	private final Map<String, Asked> asked = new ConcurrentHashMap<>();

	PrinterHealth(Registry registry, Printers printers, BatchStore store, Clock clock,
			@Value("${postbrug.batches.printer-check-interval:30s}") Duration askEvery) {
		this.askEvery = askEvery;
		this.registry = registry;
		this.printers = printers;
		this.store = store;
		this.clock = clock;
	}

	@Override
	public HealthContributor getContributor(String name) {
		return registry.facility(name).map(this::indicator).orElse(null);
	}

	@Override
	public Stream<Entry> stream() {
		return registry.facilities().stream().map(facility -> new Entry(facility.code(), indicator(facility)));
	}

	/** A printer that has just printed answers: the next look asks it again. */
	@EventListener
	void on(BatchPrinted printed) {
		asked.clear();
	}

	private HealthIndicator indicator(Facility facility) {
		return () -> health(facility);
	}

	Health health(Facility facility) {
		Map<String, Object> detail = new LinkedHashMap<>();
		detail.put("printer", facility.printer().type().name() + " " + withoutCredentials(facility.printer().target()));
		Printer.Reachability reachability = reachability(facility);
		detail.put("reachable", reachability.reachable());
		detail.put("state", withoutCredentials(reachability.state()));
		List<BatchView> failed = store.inStatus(BatchStatus.PRINT_FAILED)
			.stream()
			.filter(batch -> batch.facilityId() == facility.id())
			.toList();
		if (!failed.isEmpty()) {
			detail.put("batchesPrintFailed", failed.size());
		}
		store.latestPerFacility()
			.stream()
			.filter(batch -> batch.facilityId() == facility.id())
			.findFirst()
			.ifPresent(last -> {
				detail.put("lastBatch", last.id());
				detail.put("lastOutcome", last.status().name());
				if (last.failure() != null) {
					detail.put("failure", last.failure());
				}
				if (last.nextRetryAt() != null && last.status() == BatchStatus.PRINT_FAILED) {
					detail.put("nextRetry", last.nextRetryAt().toString());
				}
			});
		Status status = !reachability.reachable() ? Status.DOWN : failed.isEmpty() ? Status.UP : Status.OUT_OF_SERVICE;
		return Health.status(status).withDetails(detail).build();
	}

	private Printer.Reachability reachability(Facility facility) {
		String key = facility.printer().type().name() + " " + facility.printer().target();
		Asked last = asked.get(key);
		Instant now = clock.instant();
		if (last != null && last.at().plus(askEvery).isAfter(now)) {
			return last.answer();
		}
		Printer.Reachability answer;
		try {
			answer = printers.forFacility(facility).check();
		}
		catch (PrinterUnavailable ex) {
			answer = new Printer.Reachability(false, ex.getMessage());
		}
		asked.put(key, new Asked(answer, now));
		return answer;
	}

	private static String withoutCredentials(String target) {
		if (target == null) {
			return "";
		}
		try {
			URI uri = URI.create(target);
			return uri.getUserInfo() == null ? target : target.replace(uri.getRawUserInfo() + "@", "");
		}
		catch (IllegalArgumentException ex) {
			return target;
		}
	}

}
