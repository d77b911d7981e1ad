package nl.postbrug.delivery.web;

import nl.postbrug.intake.IllegalTransition;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors on the scan page as a readable page with the scan field, so the next scan can
 * follow at once. Ordered before {@link DeliveryProblems}, which covers the same package
 * but answers the API.
 */
@ControllerAdvice(assignableTypes = ScanPage.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class DeliveryPageProblems {

	@ExceptionHandler({ IllegalArgumentException.class, IllegalTransition.class })
	ModelAndView scanFailed(RuntimeException ex) {
		ModelAndView page = new ModelAndView("delivery/scan",
				ex instanceof IllegalTransition ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST);
		page.addObject("problem", "The scan could not be recorded: " + ex.getMessage());
		return page;
	}

}
