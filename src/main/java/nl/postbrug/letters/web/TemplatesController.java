package nl.postbrug.letters.web;

import java.security.Principal;
import java.util.Locale;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
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

	private final MessageSource texts;

	TemplatesController(LetterRendering rendering, ApplicationEventPublisher events, MessageSource texts) {
		this.rendering = rendering;
		this.events = events;
		this.texts = texts;
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

	/**
	 * In the request's language; what is wrong inside the file is named in
	 * {@code reason}, in the file's own terms (line, column, the field found).
	 */
	@ExceptionHandler
	ProblemDetail broken(BrokenTemplate ex, Locale locale) {
		String file = ex.file().toAbsolutePath().toString();
		ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT,
				texts.getMessage("letters.problem.template", null, locale),
				texts.getMessage("letters.problem.template.detail", new Object[] { file }, locale));
		problem.setProperty("file", file);
		problem.setProperty("reason", ex.reason());
		return problem;
	}

}
