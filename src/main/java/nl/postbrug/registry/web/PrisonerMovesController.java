package nl.postbrug.registry.web;

import nl.postbrug.registry.PostbrugUser;
import nl.postbrug.registry.Prisoner;
import nl.postbrug.registry.PrisonerMoves;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Release and transfer of a prisoner by an administrator of the prisoner's current
 * facility.
 */
@RestController
class PrisonerMovesController {

	private final PrisonerMoves moves;

	PrisonerMovesController(PrisonerMoves moves) {
		this.moves = moves;
	}

	record Transfer(String facility, String unit, String cell) {
	}

	record PrisonerState(String number, String name, String facility, String unit, String cell, String status) {

		static PrisonerState of(Prisoner prisoner) {
			return new PrisonerState(prisoner.number(), prisoner.name(), prisoner.facilityCode(), prisoner.unit(),
					prisoner.cell(), prisoner.status().name());
		}

	}

	@PostMapping("/api/v1/prisoners/{number}/release")
	@PreAuthorize("hasRole('FACILITY_ADMIN')")
	PrisonerState release(@AuthenticationPrincipal PostbrugUser staff, @PathVariable String number) {
		return PrisonerState.of(moves.release(number, staff));
	}

	@PostMapping("/api/v1/prisoners/{number}/transfer")
	@PreAuthorize("hasRole('FACILITY_ADMIN')")
	PrisonerState transfer(@AuthenticationPrincipal PostbrugUser staff, @PathVariable String number,
			@RequestBody(required = false) Transfer transfer) {
		if (transfer == null) {
			throw new PrisonerMoves.BadMove("moves.incomplete",
					"Send the new place as JSON: {\"facility\": \"PIV\", \"unit\": \"B\", \"cell\": \"B-3.04\"}");
		}
		return PrisonerState.of(moves.transfer(number, transfer.facility(), transfer.unit(), transfer.cell(), staff));
	}

}
