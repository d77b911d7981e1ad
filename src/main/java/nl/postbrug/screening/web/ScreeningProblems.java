package nl.postbrug.screening.web;

import nl.postbrug.intake.IllegalTransition;
import nl.postbrug.registry.OutOfScope;
import nl.postbrug.screening.Review;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import static nl.postbrug.ErrorResponses.problem;

@RestControllerAdvice(basePackageClasses = ScreeningProblems.class)
class ScreeningProblems {

	@ExceptionHandler
	ProblemDetail invalid(Review.InvalidDecision ex) {
		return problem(HttpStatus.BAD_REQUEST, "Decision not accepted", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail malformedRules(nl.postbrug.screening.rules.MalformedRules ex) {
		ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "Rule file refused; the rules in force stay",
				ex.getMessage());
		problem.setProperty("file", ex.file());
		problem.setProperty("line", ex.line());
		return problem;
	}

	@ExceptionHandler
	ProblemDetail trainingSetRefused(nl.postbrug.screening.triage.LabelledSet.Malformed ex) {
		return problem(HttpStatus.UNPROCESSABLE_CONTENT, "Training set refused; the model in use stays",
				ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail noModel(TriageModelController.NoModel ex) {
		return problem(HttpStatus.NOT_FOUND, "No triage model in use", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail outOfScope(OutOfScope ex) {
		return problem(HttpStatus.NOT_FOUND, "No such message", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail noSuchReply(nl.postbrug.delivery.NoSuchReply ex) {
		return problem(HttpStatus.NOT_FOUND, "No such reply", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail replyNotInReview(nl.postbrug.delivery.IllegalReplyTransition ex) {
		return problem(HttpStatus.CONFLICT, "Reply is not waiting for review", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail notInReview(IllegalTransition ex) {
		return problem(HttpStatus.CONFLICT, "Message is not waiting for review", ex.getMessage());
	}

}
