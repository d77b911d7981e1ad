package nl.postbrug.delivery.web;

import java.util.Locale;

import nl.postbrug.intake.IllegalTransition;
import nl.postbrug.letters.ScannedPages;
import nl.postbrug.registry.OutOfScope;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import static nl.postbrug.ErrorResponses.problem;

/**
 * The delivery API's refusals as problem details in the request's language, from
 * {@code i18n/delivery}; a refused file names its reason in {@code code} as well.
 */
@RestControllerAdvice(basePackageClasses = DeliveryProblems.class)
class DeliveryProblems {

	private final MessageSource texts;

	DeliveryProblems(MessageSource texts) {
		this.texts = texts;
	}

	@ExceptionHandler
	ProblemDetail outOfScope(OutOfScope ex, Locale locale) {
		return problem(HttpStatus.NOT_FOUND, texts, locale, "delivery.problem.not-found", ex);
	}

	@ExceptionHandler
	ProblemDetail refusedFile(ScannedPages.Refused ex, Locale locale) {
		HttpStatus status = switch (ex.code()) {
			case "scan.too-large", "scan.too-many-pages", "scan.page-too-large", "scan.too-many-codes" ->
				HttpStatus.CONTENT_TOO_LARGE;
			default -> HttpStatus.BAD_REQUEST;
		};
		ProblemDetail problem = problem(status, texts.getMessage("delivery.problem.not-read", null, locale),
				texts.getMessage("bulk.refused." + ex.code(), ex.args().toArray(), locale));
		problem.setProperty("code", ex.code());
		return problem;
	}

	@ExceptionHandler
	ProblemDetail badScan(BadScanRequest ex, Locale locale) {
		return problem(HttpStatus.BAD_REQUEST, texts, locale, "delivery.problem.not-understood", ex);
	}

	@ExceptionHandler
	ProblemDetail notNow(IllegalTransition ex, Locale locale) {
		return problem(HttpStatus.CONFLICT, texts, locale, "delivery.problem.not-now", ex);
	}

	@ExceptionHandler
	ProblemDetail noSuchReply(nl.postbrug.delivery.NoSuchReply ex, Locale locale) {
		return problem(HttpStatus.NOT_FOUND, texts, locale, "delivery.problem.not-found", ex);
	}

	/** A scan removed at the end of its message's retention period is gone. */
	@ExceptionHandler
	ProblemDetail scanPurged(nl.postbrug.delivery.ScanPurged ex, Locale locale) {
		return problem(HttpStatus.GONE, texts, locale, "delivery.problem.purged", ex);
	}

	@ExceptionHandler
	ProblemDetail invalidReplyCode(nl.postbrug.delivery.InvalidReplyCode ex, Locale locale) {
		return problem(HttpStatus.BAD_REQUEST, texts, locale, "delivery.problem.not-a-reply-code", ex);
	}

	@ExceptionHandler
	ProblemDetail replyNotNow(nl.postbrug.delivery.IllegalReplyTransition ex, Locale locale) {
		return problem(HttpStatus.CONFLICT, texts, locale, "delivery.problem.not-now", ex);
	}

}
