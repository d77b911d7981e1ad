package nl.postbrug.batches.web;

import nl.postbrug.batches.Batches;
import nl.postbrug.batches.printer.PrinterUnavailable;
import nl.postbrug.registry.OutOfScope;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

import static nl.postbrug.ErrorResponses.page;

/**
 * Errors on the postroom pages as a readable page. Ordered before {@link BatchProblems},
 * which covers the same package but answers the API with problem details.
 */
@ControllerAdvice(assignableTypes = PostroomPage.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class BatchPageProblems {

	@ExceptionHandler
	ModelAndView outOfScope(OutOfScope ex) {
		return page(HttpStatus.NOT_FOUND, "Not found", ex.getMessage());
	}

	@ExceptionHandler
	ModelAndView cannotReprint(Batches.CannotReprint ex) {
		return page(HttpStatus.CONFLICT, "Cannot do this now", ex.getMessage());
	}

	@ExceptionHandler
	ModelAndView printer(PrinterUnavailable ex) {
		return page(HttpStatus.SERVICE_UNAVAILABLE, "Printer unavailable", ex.getMessage());
	}

}
