package nl.postbrug.registry.web;

import java.util.List;

import nl.postbrug.registry.PostbrugUser;
import nl.postbrug.registry.Registry;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class MyPrisonersController {

	private final Registry registry;

	MyPrisonersController(Registry registry) {
		this.registry = registry;
	}

	record PrisonerEntry(String number, String name, String facility) {
	}

	@GetMapping("/api/v1/me/prisoners")
	@PreAuthorize("hasRole('SENDER')")
	List<PrisonerEntry> myPrisoners(@AuthenticationPrincipal PostbrugUser user) {
		return registry.approvedPrisoners(user.contactId())
			.stream()
			.filter(prisoner -> prisoner.isActive())
			.map(prisoner -> new PrisonerEntry(prisoner.number(), prisoner.name(), prisoner.facilityCode()))
			.toList();
	}

}
