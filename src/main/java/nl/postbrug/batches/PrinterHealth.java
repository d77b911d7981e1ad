package nl.postbrug.batches;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import nl.postbrug.batches.printer.Printer;
import nl.postbrug.batches.printer.PrinterUnavailable;
import nl.postbrug.batches.printer.Printers;
import nl.postbrug.registry.Facility;
import nl.postbrug.registry.Registry;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * The {@code printers} component of {@code /actuator/health}: per facility its printer,
 * whether the printer answers, and the outcome of its latest batch. The component is
 * OUT_OF_SERVICE while a facility has a batch in PRINT_FAILED (staff must act, or wait
 * for the retry) and UP otherwise; a printer that does not answer while nothing waits for
 * it (switched off at night) is shown, but does not count against the service. Printers
 * are asked at most every 30 seconds.
 */
@Component("printersHealthIndicator")
class PrinterHealth implements HealthIndicator {

	private static final Duration ASK_EVERY = Duration.ofSeconds(30);

	private record Asked(Printer.Reachability answer, Instant at) {
	}

	private final Registry registry;

	private final Printers printers;

	private final BatchStore store;

	private final Clock clock;

	private final Map<String, Asked> asked = new ConcurrentHashMap<>();

	PrinterHealth(Registry registry, Printers printers, BatchStore store, Clock clock) {
		this.registry = registry;
		this.printers = printers;
		this.store = store;
		this.clock = clock;
	}

	@Override
	public Health health() {
		Map<Long, BatchView> latest = new LinkedHashMap<>();
		store.latestPerFacility().forEach(batch -> latest.put(batch.facilityId(), batch));
		List<BatchView> failed = store.inStatus(BatchStatus.PRINT_FAILED);
		Health.Builder health = failed.isEmpty() ? Health.up() : Health.status(Status.OUT_OF_SERVICE);
		for (Facility facility : registry.facilities()) {
			Map<String, Object> detail = new LinkedHashMap<>();
			detail.put("printer",
					facility.printer().type().name() + " " + withoutCredentials(facility.printer().target()));
			Printer.Reachability reachability = reachability(facility);
			detail.put("reachable", reachability.reachable());
			detail.put("state", reachability.state());
			BatchView last = latest.get(facility.id());
			if (last != null) {
				detail.put("lastBatch", last.id());
				detail.put("lastOutcome", last.status().name());
				if (last.failure() != null) {
					detail.put("failure", last.failure());
				}
				if (last.nextRetryAt() != null && last.status() == BatchStatus.PRINT_FAILED) {
					detail.put("nextRetry", last.nextRetryAt().toString());
				}
			}
			long waiting = failed.stream().filter(batch -> batch.facilityId() == facility.id()).count();
			if (waiting > 0) {
				detail.put("batchesPrintFailed", waiting);
			}
			health.withDetail(facility.code(), detail);
		}
		return health.build();
	}

	private Printer.Reachability reachability(Facility facility) {
		String key = facility.printer().type().name() + " " + facility.printer().target();
		Asked last = asked.get(key);
		Instant now = clock.instant();
		if (last != null && last.at().plus(ASK_EVERY).isAfter(now)) {
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
		try {
			URI uri = URI.create(target);
			return uri.getUserInfo() == null ? target : target.replace(uri.getRawUserInfo() + "@", "");
		}
		catch (IllegalArgumentException ex) {
			return target;
		}
	}

}
