package nl.postbrug.registry.security;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

import tools.jackson.databind.json.JsonMapper;

/**
 * Writes 401 and 403 answers of the API as RFC 9457 problem details, in the language the
 * pages would use for this request (the language cookie, else {@code Accept-Language},
 * else Dutch): these answers are written before Spring MVC resolves a locale.
 */
@Component
class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

	private final JsonMapper json;

	private final MessageSource texts;

	private final LocaleResolver languages;

	ProblemSecurityHandlers(JsonMapper json, MessageSource texts, LocaleResolver languages) {
		this.json = json;
		this.texts = texts;
		this.languages = languages;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		response.setHeader("WWW-Authenticate", "Basic realm=\"Postbrug\"");
		write(request, response, HttpStatus.UNAUTHORIZED, "security.problem.unauthorized");
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException {
		write(request, response, HttpStatus.FORBIDDEN, "security.problem.forbidden");
	}

	void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String key)
			throws IOException {
		Locale locale = languages.resolveLocale(request);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, texts.getMessage(key, null, locale));
		problem.setTitle(texts.getMessage(key + ".title", null, locale));
		response.setHeader(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag());
		problem.setInstance(URI.create(request.getRequestURI()));
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		json.writeValue(response.getOutputStream(), problem);
	}

}
