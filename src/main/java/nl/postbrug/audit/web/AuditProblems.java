package nl.postbrug.audit.web;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import static nl.postbrug.ErrorResponses.problem;

/**
 * Bad filters of the audit export as RFC 9457 problem details, in the reader's language.
 */
@RestControllerAdvice(assignableTypes = AuditController.class)
class AuditProblems {

	private final MessageSource messages;

	AuditProblems(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler
	ProblemDetail badFilter(BadFilter ex, Locale locale) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, messages.getMessage("audit.filter.title", null, locale),
				messages.getMessage(ex.code(), ex.args(), locale));
		problem.setProperty("parameter", ex.field());
		return problem;
	}

}
