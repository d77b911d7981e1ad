package nl.postbrug.audit.web;

import nl.postbrug.audit.AuditLog;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AuditController {

	private final AuditLog log;

	AuditController(AuditLog log) {
		this.log = log;
	}

	@GetMapping("/api/v1/audit/verify")
	@PreAuthorize("hasRole('AUDITOR')")
	AuditLog.Verification verify() {
		return log.verify();
	}

}
