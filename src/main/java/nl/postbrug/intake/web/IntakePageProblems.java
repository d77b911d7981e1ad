package nl.postbrug.intake.web;

import nl.postbrug.intake.ContactNotApproved;
import nl.postbrug.intake.IllegalTransition;
import nl.postbrug.intake.InvalidMessage;
import nl.postbrug.intake.NoSuchMessage;
import nl.postbrug.intake.UnknownPrisoner;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

import static nl.postbrug.ErrorResponses.page;

/**
 * Errors on the relatives' pages as a readable page. Ordered before
 * {@link IntakeProblems}, which covers the same package but answers the API with problem
 * details.
 */
@ControllerAdvice(assignableTypes = { MessagesPage.class, ComposePage.class })
@Order(Ordered.HIGHEST_PRECEDENCE)
class IntakePageProblems {

	@ExceptionHandler({ InvalidMessage.class, UnknownPrisoner.class, ContactNotApproved.class })
	ModelAndView notAccepted(RuntimeException ex) {
		return page(HttpStatus.BAD_REQUEST, "Message not accepted", ex.getMessage());
	}

	@ExceptionHandler
	ModelAndView noSuchMessage(NoSuchMessage ex) {
		return page(HttpStatus.NOT_FOUND, "No such message", ex.getMessage());
	}

	@ExceptionHandler
	ModelAndView illegalTransition(IllegalTransition ex) {
		return page(HttpStatus.CONFLICT, "Message state does not allow this", ex.getMessage());
	}

}
