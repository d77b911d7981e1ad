package nl.postbrug.intake.web;

import java.util.Locale;

import nl.postbrug.intake.ContactNotApproved;
import nl.postbrug.intake.IllegalTransition;
import nl.postbrug.intake.InvalidMessage;
import nl.postbrug.intake.NoSuchMessage;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import static nl.postbrug.ErrorResponses.problem;

/**
 * The API's answers to what intake refuses, as problem details in the request's language.
 * An unknown registry number is answered exactly like one the sender is not approved for.
 */
@RestControllerAdvice(basePackageClasses = IntakeProblems.class)
class IntakeProblems {

	private final IntakeTexts texts;

	IntakeProblems(MessageSource bundles) {
		this.texts = new IntakeTexts(bundles);
	}

	@ExceptionHandler
	ProblemDetail invalid(InvalidMessage ex, Locale locale) {
		return problem(HttpStatus.BAD_REQUEST, texts.get("problem.not-accepted", locale),
				texts.reason(ex.reason(), locale));
	}

	@ExceptionHandler
	ProblemDetail notApproved(ContactNotApproved ex, Locale locale) {
		return problem(HttpStatus.FORBIDDEN, texts.get("problem.not-approved", locale),
				texts.reason(ex.reason(), locale));
	}

	@ExceptionHandler
	ProblemDetail noSuchMessage(NoSuchMessage ex, Locale locale) {
		return problem(HttpStatus.NOT_FOUND, texts.get("problem.no-such-message", locale),
				texts.noSuchMessage(ex, locale));
	}

	@ExceptionHandler
	ProblemDetail illegalTransition(IllegalTransition ex, Locale locale) {
		return problem(HttpStatus.CONFLICT, texts.get("problem.illegal-transition", locale),
				texts.get(ex.code(), locale, ex.arguments()));
	}

}
