package nl.postbrug.screening.web;

import nl.postbrug.intake.IllegalTransition;
import nl.postbrug.registry.OutOfScope;
import nl.postbrug.screening.Review;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

import static nl.postbrug.ErrorResponses.page;

/**
 * Errors on the review page as a readable page. Ordered before {@link ScreeningProblems},
 * which covers the same package but answers the API with problem details.
 */
@ControllerAdvice(assignableTypes = ReviewPage.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ScreeningPageProblems {

	@ExceptionHandler
	ModelAndView invalid(Review.InvalidDecision ex) {
		return page(HttpStatus.BAD_REQUEST, "Decision not accepted", ex.getMessage());
	}

	@ExceptionHandler
	ModelAndView outOfScope(OutOfScope ex) {
		return page(HttpStatus.NOT_FOUND, "No such message", ex.getMessage());
	}

	@ExceptionHandler
	ModelAndView notInReview(IllegalTransition ex) {
		return page(HttpStatus.CONFLICT, "Message is not waiting for review", ex.getMessage());
	}

}
