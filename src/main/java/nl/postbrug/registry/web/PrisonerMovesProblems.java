package nl.postbrug.registry.web;

import java.util.Locale;

import nl.postbrug.registry.PrisonerMoves;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import static nl.postbrug.ErrorResponses.problem;

/** Refused moves of prisoners as problem details in the request's language. */
@RestControllerAdvice(assignableTypes = PrisonerMovesController.class)
class PrisonerMovesProblems {

	private final MessageSource texts;

	PrisonerMovesProblems(MessageSource texts) {
		this.texts = texts;
	}

	@ExceptionHandler
	ProblemDetail noSuchPrisoner(PrisonerMoves.NoSuchPrisoner ex, Locale locale) {
		return problem(HttpStatus.NOT_FOUND, texts, locale, "moves.problem.not-found", ex);
	}

	@ExceptionHandler
	ProblemDetail badMove(PrisonerMoves.BadMove ex, Locale locale) {
		return problem(HttpStatus.BAD_REQUEST, texts, locale, "moves.problem.not-understood", ex);
	}

	@ExceptionHandler
	ProblemDetail cannotMove(PrisonerMoves.CannotMove ex, Locale locale) {
		return problem(HttpStatus.CONFLICT, texts, locale, "moves.problem.not-now", ex);
	}

}
