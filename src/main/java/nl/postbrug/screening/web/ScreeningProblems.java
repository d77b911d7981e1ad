package nl.postbrug.screening.web;

import java.util.Locale;

import nl.postbrug.intake.IllegalTransition;
import nl.postbrug.registry.OutOfScope;
import nl.postbrug.screening.Review;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import static nl.postbrug.ErrorResponses.problem;

/**
 * The screening API's refusals as problem details in the request's language. What is
 * wrong inside a rule file or a training set is named in {@code reason}, in the file's
 * own terms (file, line, the text found), beside the translated title and detail.
 */
@RestControllerAdvice(basePackageClasses = ScreeningProblems.class)
class ScreeningProblems {

	private final MessageSource texts;

	ScreeningProblems(MessageSource texts) {
		this.texts = texts;
	}

	@ExceptionHandler
	ProblemDetail invalid(Review.InvalidDecision ex, Locale locale) {
		return problem(HttpStatus.BAD_REQUEST, texts, locale, "screening.problem.decision", ex);
	}

	@ExceptionHandler
	ProblemDetail malformedRules(nl.postbrug.screening.rules.MalformedRules ex, Locale locale) {
		ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, text("screening.problem.rules", locale),
				text(ex.line() > 0 ? "screening.problem.rules.detail.line" : "screening.problem.rules.detail", locale,
						ex.file(), ex.line()));
		problem.setProperty("file", ex.file());
		problem.setProperty("line", ex.line());
		problem.setProperty("reason", ex.getMessage());
		return problem;
	}

	@ExceptionHandler
	ProblemDetail trainingSetRefused(nl.postbrug.screening.triage.LabelledSet.Malformed ex, Locale locale) {
		ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, text("screening.problem.training", locale),
				text("screening.problem.training.detail", locale));
		problem.setProperty("reason", ex.getMessage());
		return problem;
	}

	@ExceptionHandler
	ProblemDetail noModel(TriageModelController.NoModel ex, Locale locale) {
		ProblemDetail problem = problem(HttpStatus.NOT_FOUND, text("screening.problem.no-model", locale),
				text("screening.problem.no-model.detail", locale));
		problem.setProperty("reason", ex.reason());
		return problem;
	}

	@ExceptionHandler
	ProblemDetail outOfScope(OutOfScope ex, Locale locale) {
		return problem(HttpStatus.NOT_FOUND, texts, locale, "screening.problem.no-such-message", ex);
	}

	@ExceptionHandler
	ProblemDetail noSuchReply(nl.postbrug.delivery.NoSuchReply ex, Locale locale) {
		return problem(HttpStatus.NOT_FOUND, texts, locale, "screening.problem.no-such-reply", ex);
	}

	@ExceptionHandler
	ProblemDetail replyNotInReview(nl.postbrug.delivery.IllegalReplyTransition ex, Locale locale) {
		return problem(HttpStatus.CONFLICT, texts, locale, "screening.problem.reply-not-in-review", ex);
	}

	@ExceptionHandler
	ProblemDetail notInReview(IllegalTransition ex, Locale locale) {
		return problem(HttpStatus.CONFLICT, texts, locale, "screening.problem.not-in-review", ex);
	}

	private String text(String key, Locale locale, Object... arguments) {
		return texts.getMessage(key, arguments, locale);
	}

}
