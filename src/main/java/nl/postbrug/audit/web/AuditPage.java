package nl.postbrug.audit.web;

import nl.postbrug.audit.AuditLog;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The auditor's view: walks the whole hash chain on every visit and says whether it
 * holds.
 */
@Controller
class AuditPage {

	private final AuditLog log;

	AuditPage(AuditLog log) {
		this.log = log;
	}

	@GetMapping("/audit")
	@PreAuthorize("hasRole('AUDITOR')")
	String verify(Model model) {
		model.addAttribute("verification", log.verify());
		return "audit/verify";
	}

}
