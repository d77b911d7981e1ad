package nl.postbrug.screening.web;

import nl.postbrug.registry.PostbrugUser;
import nl.postbrug.screening.ScreeningRulesReloaded;
import nl.postbrug.screening.rules.RuleBook;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The screening rules in force, and their reload after an administrator edited the files.
 * A file with an error is refused with its name, line and reason (422), and the rules in
 * force stay.
 */
@RestController
class RulesController {

	private final RuleBook rules;

	private final ApplicationEventPublisher events;

	RulesController(RuleBook rules, ApplicationEventPublisher events) {
		this.rules = rules;
		this.events = events;
	}

	@GetMapping("/api/v1/screening/rules")
	@PreAuthorize("hasAnyRole('FACILITY_ADMIN', 'SCREENER', 'AUDITOR')")
	RuleBook.Loaded inForce() {
		return rules.loaded();
	}

	@PostMapping("/api/v1/screening/rules/reload")
	// The files are shared by every facility: only an administrator of all facilities
	// may change what all of them use.
	@PreAuthorize("hasRole('FACILITY_ADMIN') and principal.allFacilities()")
	@Transactional
	RuleBook.Loaded reload(@AuthenticationPrincipal PostbrugUser admin) {
		RuleBook.Loaded loaded = rules.reload();
		events.publishEvent(new ScreeningRulesReloaded(loaded.version(), loaded.facilities(), admin.getUsername()));
		return loaded;
	}

}
