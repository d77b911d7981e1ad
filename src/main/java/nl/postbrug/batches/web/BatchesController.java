package nl.postbrug.batches.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import nl.postbrug.batches.BatchStatus;
import nl.postbrug.batches.BatchView;
import nl.postbrug.batches.Batches;
import nl.postbrug.registry.Facility;
import nl.postbrug.registry.OutOfScope;
import nl.postbrug.registry.PostbrugUser;
import nl.postbrug.registry.Registry;

import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class BatchesController {

	private final Batches batches;

	private final Registry registry;

	BatchesController(Batches batches, Registry registry) {
		this.batches = batches;
		this.registry = registry;
	}

	record BatchSummary(long id, String facility, int letters, int pages, BatchStatus status) {

		static BatchSummary of(BatchView batch) {
			return new BatchSummary(batch.id(), batch.facility(), batch.letters(), batch.pages(), batch.status());
		}

	}

	record BatchDetail(long id, String facility, int letters, int pages, BatchStatus status, String failure,
			Instant nextRetryAt, int printAttempts, String printJob, String printJobState, String printedBy,
			List<BatchView.Item> items) {
	}

	record Reprinted(long letter, String code) {
	}

	@PostMapping("/api/v1/facilities/{code}/batches")
	@PreAuthorize("hasAnyRole('POSTROOM', 'FACILITY_ADMIN')")
	ResponseEntity<BatchSummary> runNow(@AuthenticationPrincipal PostbrugUser user, @PathVariable String code) {
		Facility facility = registry.facility(code).orElseThrow(() -> new OutOfScope(OutOfScope.Kind.FACILITY, code));
		BatchView batch = batches.runNow(facility, user);
		return ResponseEntity.created(URI.create("/api/v1/batches/" + batch.id())).body(BatchSummary.of(batch));
	}

	@GetMapping("/api/v1/batches/{id}")
	@PreAuthorize("hasAnyRole('POSTROOM', 'FACILITY_ADMIN')")
	BatchDetail batch(@AuthenticationPrincipal PostbrugUser user, @PathVariable long id) {
		BatchView batch = batches.get(id, user);
		return detail(batch);
	}

	@PostMapping("/api/v1/batches/{id}/print")
	@PreAuthorize("hasRole('POSTROOM')")
	BatchDetail printAgain(@AuthenticationPrincipal PostbrugUser user, @PathVariable long id) {
		return detail(batches.printAgain(id, user));
	}

	@PostMapping("/api/v1/batches/{id}/printed-by-hand")
	@PreAuthorize("hasRole('POSTROOM')")
	BatchDetail printedByHand(@AuthenticationPrincipal PostbrugUser user, @PathVariable long id) {
		return detail(batches.markPrintedByHand(id, user));
	}

	private BatchDetail detail(BatchView batch) {
		return new BatchDetail(batch.id(), batch.facility(), batch.letters(), batch.pages(), batch.status(),
				batch.failure(), batch.status() == BatchStatus.PRINT_FAILED ? batch.nextRetryAt() : null,
				batch.printAttempts(), batch.printJob(), batch.printJobState(), batch.printedBy(),
				batches.items(batch.id()));
	}

	@GetMapping("/api/v1/batches/{id}/pdf")
	@PreAuthorize("hasAnyRole('POSTROOM', 'FACILITY_ADMIN')")
	ResponseEntity<Resource> pdf(@AuthenticationPrincipal PostbrugUser user, @PathVariable long id) {
		return BatchDownload.of(batches, batches.get(id, user));
	}

	@PostMapping("/api/v1/letters/{id}/reprint")
	@PreAuthorize("hasRole('POSTROOM')")
	Reprinted reprint(@AuthenticationPrincipal PostbrugUser user, @PathVariable long id) {
		return new Reprinted(id, batches.reprint(id, user));
	}

}
