package nl.postbrug.screening.web;

import java.util.Locale;

import nl.postbrug.intake.IllegalTransition;
import nl.postbrug.registry.OutOfScope;
import nl.postbrug.screening.Review;

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
 * Errors on the review page as a readable page in the page's language. Ordered before
 * {@link ScreeningProblems}, which covers the same package but answers the API with
 * problem details.
 */
@ControllerAdvice(assignableTypes = ReviewPage.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ScreeningPageProblems {

	private final MessageSource texts;

	ScreeningPageProblems(MessageSource texts) {
		this.texts = texts;
	}

	@ExceptionHandler
	ModelAndView invalid(Review.InvalidDecision ex, Locale locale) {
		return page(HttpStatus.BAD_REQUEST, title("screening.problem.decision", locale), words(texts, ex, locale));
	}

	@ExceptionHandler
	ModelAndView outOfScope(OutOfScope ex, Locale locale) {
		return page(HttpStatus.NOT_FOUND, title("screening.problem.no-such-message", locale), words(texts, ex, locale));
	}

	@ExceptionHandler
	ModelAndView notInReview(IllegalTransition ex, Locale locale) {
		return page(HttpStatus.CONFLICT, title("screening.problem.not-in-review", locale), words(texts, ex, locale));
	}

	/** The scan of a reply whose message's retention ended is gone. */
	@ExceptionHandler
	ModelAndView scanPurged(nl.postbrug.delivery.ScanPurged ex, Locale locale) {
		return page(HttpStatus.GONE, title("delivery.problem.purged", locale), words(texts, ex, locale));
	}

	private String title(String key, Locale locale) {
		return texts.getMessage(key, null, locale);
	}

}
