package nl.postbrug.intake.web;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import nl.postbrug.registry.PostbrugUser;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * A relative downloads their own data: on the API with their password, and from their
 * account page in the signed-in session (the API takes no session). Both the same ZIP.
 */
@Controller
class PersonalDataController {

	private final PersonalDataExport export;

	PersonalDataController(PersonalDataExport export) {
		this.export = export;
	}

	@GetMapping("/api/v1/me/export")
	@PreAuthorize("hasRole('SENDER')")
	void api(@AuthenticationPrincipal PostbrugUser relative, Locale locale, HttpServletResponse response)
			throws IOException {
		write(relative, locale, response);
	}

	@GetMapping("/account/export")
	@PreAuthorize("hasRole('SENDER')")
	void page(@AuthenticationPrincipal PostbrugUser relative, Locale locale, HttpServletResponse response)
			throws IOException {
		write(relative, locale, response);
	}

	private void write(PostbrugUser relative, Locale locale, HttpServletResponse response) throws IOException {
		response.setContentType("application/zip");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename("postbrug-export.zip").build().toString());
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		export.write(relative, locale, response.getOutputStream());
	}

}
