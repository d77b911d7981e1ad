package nl.postbrug.batches.web;

import java.util.Locale;

import nl.postbrug.batches.Batches;
import nl.postbrug.batches.PurgedContent;
import nl.postbrug.batches.printer.PrinterUnavailable;
import nl.postbrug.registry.OutOfScope;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import static nl.postbrug.ErrorResponses.problem;

/**
 * The batches API's refusals as problem details in the request's language. What the
 * printer itself answered stays in the server log, in the printer's terms.
 */
@RestControllerAdvice(basePackageClasses = BatchProblems.class)
class BatchProblems {

	private final MessageSource texts;

	BatchProblems(MessageSource texts) {
		this.texts = texts;
	}

	/**
	 * A batch PDF removed at the end of retention is gone (410); a letter whose content
	 * was removed cannot be reprinted (409). Either way the detail says so in the
	 * request's language.
	 */
	@ExceptionHandler
	ProblemDetail purged(PurgedContent ex, Locale locale) {
		return problem(ex.kind() == PurgedContent.Kind.BATCH_PDF ? HttpStatus.GONE : HttpStatus.CONFLICT,
				texts.getMessage("batches.problem.purged.title", null, locale),
				BatchPageProblems.purged(texts, ex, locale));
	}

	@ExceptionHandler
	ProblemDetail outOfScope(OutOfScope ex, Locale locale) {
		return problem(HttpStatus.NOT_FOUND, texts, locale, "batches.problem.not-found.title", ex);
	}

	@ExceptionHandler
	ProblemDetail cannotReprint(Batches.CannotReprint ex, Locale locale) {
		return problem(HttpStatus.CONFLICT, texts, locale, "batches.problem.cannot.title", ex);
	}

	@ExceptionHandler
	ProblemDetail printer(PrinterUnavailable ex, Locale locale) {
		return problem(HttpStatus.SERVICE_UNAVAILABLE, texts.getMessage("batches.problem.printer.title", null, locale),
				texts.getMessage("batches.problem.printer.detail", null, locale));
	}

}
