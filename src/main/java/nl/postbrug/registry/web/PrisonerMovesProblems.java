package nl.postbrug.registry.web;

import nl.postbrug.registry.PrisonerMoves;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import static nl.postbrug.ErrorResponses.problem;

@RestControllerAdvice(assignableTypes = PrisonerMovesController.class)
class PrisonerMovesProblems {

	@ExceptionHandler
	ProblemDetail noSuchPrisoner(PrisonerMoves.NoSuchPrisoner ex) {
		return problem(HttpStatus.NOT_FOUND, "Not found", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail badMove(PrisonerMoves.BadMove ex) {
		return problem(HttpStatus.BAD_REQUEST, "Move not understood", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail cannotMove(PrisonerMoves.CannotMove ex) {
		return problem(HttpStatus.CONFLICT, "Cannot do this now", ex.getMessage());
	}

}
