package nl.postbrug.letters.web;

import java.security.Principal;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import nl.postbrug.letters.BrokenTemplate;
import nl.postbrug.letters.LetterRendering;
import nl.postbrug.letters.PrintTemplates;
import nl.postbrug.letters.PrintTemplatesReloaded;

import static nl.postbrug.ErrorResponses.problem;

/**
 * The print templates in use, and their reload after an administrator edited them. Every
 * template is checked and trial-rendered first; a broken one is refused with its file and
 * the reason (422), and the templates in use stay.
 */
@RestController
class TemplatesController {

	private final LetterRendering rendering;

	private final ApplicationEventPublisher events;

	TemplatesController(LetterRendering rendering, ApplicationEventPublisher events) {
		this.rendering = rendering;
		this.events = events;
	}

	@GetMapping("/api/v1/letters/templates")
	@PreAuthorize("hasAnyRole('FACILITY_ADMIN', 'AUDITOR')")
	PrintTemplates inUse() {
		return this.rendering.templates();
	}

	@PostMapping("/api/v1/letters/templates/reload")
	// The files are shared by every facility: only an administrator of all facilities
	// may change what all of them use.
	@PreAuthorize("hasRole('FACILITY_ADMIN') and principal.allFacilities()")
	@Transactional
	PrintTemplates reload(Principal admin) {
		PrintTemplates loaded = this.rendering.reload();
		this.events.publishEvent(new PrintTemplatesReloaded(loaded.version(), admin.getName()));
		return loaded;
	}

	@ExceptionHandler
	ProblemDetail broken(BrokenTemplate ex) {
		ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT,
				"Print template refused; the templates in use stay", ex.getMessage());
		problem.setProperty("file", ex.file().toAbsolutePath().toString());
		return problem;
	}

}
