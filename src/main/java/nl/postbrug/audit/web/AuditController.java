package nl.postbrug.audit.web;

import java.io.IOException;
import java.time.Clock;

import jakarta.servlet.http.HttpServletResponse;

import nl.postbrug.audit.AuditEvents;
import nl.postbrug.audit.AuditSettings;
import nl.postbrug.audit.AuditVerification;
import nl.postbrug.audit.EventQuery;
import nl.postbrug.audit.Verification;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.json.JsonMapper;

@RestController
class AuditController {

	private final AuditVerification verification;

	private final AuditEvents events;

	private final AuditSettings settings;

	private final JsonMapper json;

	private final Clock clock;

	AuditController(AuditVerification verification, AuditEvents events, AuditSettings settings, JsonMapper json,
			Clock clock) {
		this.verification = verification;
		this.events = events;
		this.settings = settings;
		this.json = json;
		this.clock = clock;
	}

	@GetMapping("/api/v1/audit/verify")
	@PreAuthorize("hasRole('AUDITOR')")
	Verification verify() {
		return verification.verify();
	}

	/**
	 * The matching events in chain order, as JSON, or as CSV with {@code format=csv};
	 * streamed, so a long range does not sit in memory.
	 */
	@GetMapping("/api/v1/audit/events")
	@PreAuthorize("hasRole('AUDITOR')")
	void export(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String actor, @RequestParam(required = false) String object,
			@RequestParam(required = false) String action, @RequestParam(required = false) String format,
			HttpServletResponse response) throws IOException {
		boolean csv = "csv".equalsIgnoreCase(format);
		if (format != null && !csv && !"json".equalsIgnoreCase(format)) {
			throw new BadFilter("audit.filter.unknown-format", "format", format);
		}
		EventQuery query = new EventFilters(from, to, actor, object, action).normalised()
			.query(clock, settings.maxRange());
		if (csv) {
			response.setContentType("text/csv; charset=UTF-8; header=present");
			response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit-events.csv\"");
		}
		else {
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		}
		try (EventExport.Sink sink = csv ? EventExport.csv(response.getOutputStream())
				: EventExport.json(response.getOutputStream(), json)) {
			events.forEach(query, sink::write);
		}
	}

}
