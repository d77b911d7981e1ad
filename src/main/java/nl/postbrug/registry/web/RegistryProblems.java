package nl.postbrug.registry.web;

import java.util.Locale;
import java.util.Map;

import nl.postbrug.registry.AccountRefused;
import nl.postbrug.registry.CodeRefused;
import nl.postbrug.registry.NoSuchApprovalRequest;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import static nl.postbrug.ErrorResponses.problem;

/**
 * Problem details of the registry's API in the request's language; a refused field is
 * also named in {@code errors}, so a client can show the text beside it.
 */
@RestControllerAdvice(assignableTypes = { AccountsController.class, ApprovalRequestsController.class })
class RegistryProblems {

	private final MessageSource bundles;

	RegistryProblems(MessageSource bundles) {
		this.bundles = bundles;
	}

	@ExceptionHandler
	ProblemDetail refused(AccountRefused ex, Locale locale) {
		String text = bundles.getMessage(ex.key(), ex.args(), locale);
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, bundles.getMessage("problem.refused", null, locale),
				text);
		problem.setProperty("errors", Map.of(ex.field(), text));
		return problem;
	}

	@ExceptionHandler
	ProblemDetail code(CodeRefused ex, Locale locale) {
		return problem(HttpStatus.BAD_REQUEST, bundles.getMessage("problem.code", null, locale),
				bundles.getMessage("account.code-refused", null, locale));
	}

	@ExceptionHandler
	ProblemDetail noSuchRequest(NoSuchApprovalRequest ex, Locale locale) {
		return problem(HttpStatus.NOT_FOUND, bundles.getMessage("problem.no-such-request", null, locale),
				bundles.getMessage("problem.no-such-request.detail", null, locale));
	}

	@ExceptionHandler
	ProblemDetail unreadable(org.springframework.http.converter.HttpMessageNotReadableException ex, Locale locale) {
		return problem(HttpStatus.BAD_REQUEST, bundles.getMessage("problem.refused", null, locale),
				bundles.getMessage("problem.unreadable", null, locale));
	}

}
