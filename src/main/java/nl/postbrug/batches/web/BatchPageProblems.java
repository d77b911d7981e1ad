package nl.postbrug.batches.web;

import java.util.Locale;

import nl.postbrug.batches.Batches;
import nl.postbrug.batches.PurgedContent;
import nl.postbrug.batches.printer.PrinterUnavailable;
import nl.postbrug.registry.OutOfScope;

import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

import static nl.postbrug.ErrorResponses.page;
import static nl.postbrug.ErrorResponses.words;

/**
 * Errors on the postroom pages as a readable page. Ordered before {@link BatchProblems},
 * which covers the same package but answers the API with problem details. Titles come
 * from the {@code i18n/batches} bundle in the request's language; something outside the
 * user's facilities reads exactly like something that does not exist.
 */
@ControllerAdvice(assignableTypes = PostroomPage.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class BatchPageProblems {

	private final MessageSource texts;

	BatchPageProblems(MessageSource texts) {
		this.texts = texts;
	}

	@ExceptionHandler
	ModelAndView outOfScope(OutOfScope ex, Locale locale) {
		return page(HttpStatus.NOT_FOUND, text("batches.problem.not-found.title", locale), words(texts, ex, locale));
	}

	@ExceptionHandler
	ModelAndView cannotReprint(Batches.CannotReprint ex, Locale locale) {
		return page(HttpStatus.CONFLICT, text("batches.problem.cannot.title", locale), words(texts, ex, locale));
	}

	@ExceptionHandler
	ModelAndView purged(PurgedContent ex, Locale locale) {
		return page(HttpStatus.GONE, text("batches.problem.purged.title", locale), purged(texts, ex, locale));
	}

	/** What was removed and when, in words; the date in UTC as staff file it. */
	static String purged(MessageSource texts, PurgedContent ex, Locale locale) {
		return texts.getMessage("batches.problem.purged." + ex.kind().name(),
				new Object[] { ex.id(), java.util.Date.from(ex.purgedAt()) }, locale);
	}

	@ExceptionHandler
	ModelAndView printer(PrinterUnavailable ex, Locale locale) {
		return page(HttpStatus.SERVICE_UNAVAILABLE, text("batches.problem.printer.title", locale),
				text("batches.problem.printer.detail", locale));
	}

	private String text(String key, Locale locale, Object... arguments) {
		return texts.getMessage(key, arguments, locale);
	}

}
