package nl.postbrug.delivery.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import nl.postbrug.batches.OverdueLetters;
import nl.postbrug.delivery.Overdue;
import nl.postbrug.registry.Facility;
import nl.postbrug.registry.OutOfScope;
import nl.postbrug.registry.PostbrugUser;
import nl.postbrug.registry.Registry;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The overdue letters of one facility, the oldest first. */
@RestController
class OverdueController {

	static final int LIMIT = 500;

	private final Overdue overdue;

	private final Registry registry;

	OverdueController(Overdue overdue, Registry registry) {
		this.overdue = overdue;
		this.registry = registry;
	}

	record PrisonerInfo(String number, String name, String unit, String cell) {
	}

	record Letter(long letter, String code, UUID message, long batch, Instant printedAt, PrisonerInfo prisoner) {
	}

	record OverdueList(String facility, Duration overdueAfter, long count, List<Letter> letters) {
	}

	@GetMapping("/api/v1/facilities/{code}/overdue")
	@PreAuthorize("hasAnyRole('POSTROOM', 'FACILITY_ADMIN')")
	OverdueList overdue(@AuthenticationPrincipal PostbrugUser staff, @PathVariable String code) {
		Facility facility = registry.facility(code)
			.filter(f -> staff.canAct(f.id()))
			.orElseThrow(() -> new OutOfScope(OutOfScope.Kind.FACILITY, code));
		OverdueLetters.Overdue found = overdue.of(facility, LIMIT);
		return new OverdueList(facility.code(), found.after(), found.count(),
				found.letters()
					.stream()
					.map(l -> new Letter(l.letterId(), l.code(), l.messageId(), l.batchId(), l.printedAt(),
							new PrisonerInfo(l.prisonerNumber(), l.prisonerName(), l.unit(), l.cell())))
					.toList());
	}

}
