package nl.postbrug.intake.web;

import nl.postbrug.intake.ContactNotApproved;
import nl.postbrug.intake.IllegalTransition;
import nl.postbrug.intake.InvalidMessage;
import nl.postbrug.intake.NoSuchMessage;
import nl.postbrug.intake.UnknownPrisoner;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import static nl.postbrug.ErrorResponses.problem;

@RestControllerAdvice(basePackageClasses = IntakeProblems.class)
class IntakeProblems {

	@ExceptionHandler
	ProblemDetail invalid(InvalidMessage ex) {
		return problem(HttpStatus.BAD_REQUEST, "Message not accepted", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail unknownPrisoner(UnknownPrisoner ex) {
		return problem(HttpStatus.UNPROCESSABLE_CONTENT, "Unknown prisoner", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail notApproved(ContactNotApproved ex) {
		return problem(HttpStatus.FORBIDDEN, "Not an approved contact", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail noSuchMessage(NoSuchMessage ex) {
		return problem(HttpStatus.NOT_FOUND, "No such message", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail illegalTransition(IllegalTransition ex) {
		return problem(HttpStatus.CONFLICT, "Message state does not allow this", ex.getMessage());
	}

}
