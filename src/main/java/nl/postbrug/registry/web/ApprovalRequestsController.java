package nl.postbrug.registry.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import nl.postbrug.registry.AccountRefused;
import nl.postbrug.registry.ApprovalRequests;
import nl.postbrug.registry.PostbrugUser;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Requests to write to a prisoner: relatives ask and follow their own; facility
 * administrators list and decide those of their facilities.
 */
@RestController
class ApprovalRequestsController {

	private final ApprovalRequests requests;

	ApprovalRequestsController(ApprovalRequests requests) {
		this.requests = requests;
	}

	record Ask(String prisoner, String relationship, String note) {
	}

	record Asked(UUID id, ApprovalRequests.Status status) {
	}

	record Decide(String decision, String reason) {
	}

	record PendingEntry(UUID id, String contactName, String contactEmail, boolean contactVerified, String prisoner,
			String prisonerName, String facility, String relationship, String note, Instant requestedAt) {
	}

	@PostMapping("/api/v1/me/approval-requests")
	@ResponseStatus(HttpStatus.ACCEPTED)
	@PreAuthorize("hasRole('SENDER')")
	Asked ask(@AuthenticationPrincipal PostbrugUser relative, @RequestBody Ask ask) {
		ApprovalRequests.MyRequest request = requests.request(relative.contactId(), ask.prisoner(), ask.relationship(),
				ask.note());
		// Only id and status: whether the number exists shows nowhere.
		return new Asked(request.id(), request.status());
	}

	@GetMapping("/api/v1/me/approval-requests")
	@PreAuthorize("hasRole('SENDER')")
	List<ApprovalRequests.MyRequest> mine(@AuthenticationPrincipal PostbrugUser relative) {
		return requests.mine(relative.contactId());
	}

	@GetMapping("/api/v1/approval-requests")
	@PreAuthorize("hasRole('FACILITY_ADMIN')")
	List<PendingEntry> pending(@AuthenticationPrincipal PostbrugUser admin) {
		return requests.pending(admin)
			.stream()
			.map(p -> new PendingEntry(p.id(), p.contactName(), p.contactEmail(), p.contactVerified(),
					p.prisoner().number(), p.prisoner().name(), p.prisoner().facilityCode(), p.relationship(), p.note(),
					p.requestedAt()))
			.toList();
	}

	@PostMapping("/api/v1/approval-requests/{id}")
	@PreAuthorize("hasRole('FACILITY_ADMIN')")
	Asked decide(@AuthenticationPrincipal PostbrugUser admin, @PathVariable UUID id, @RequestBody Decide decide) {
		return new Asked(id, requests.decide(id, admin, decision(decide.decision()), decide.reason()));
	}

	static ApprovalRequests.Decision decision(String decision) {
		if ("APPROVE".equals(decision)) {
			return ApprovalRequests.Decision.APPROVE;
		}
		if ("REFUSE".equals(decision)) {
			return ApprovalRequests.Decision.REFUSE;
		}
		throw new AccountRefused("decision", "decision-invalid");
	}

}
