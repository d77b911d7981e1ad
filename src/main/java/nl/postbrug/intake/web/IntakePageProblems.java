package nl.postbrug.intake.web;

import java.util.Locale;

import nl.postbrug.intake.ContactNotApproved;
import nl.postbrug.intake.IllegalTransition;
import nl.postbrug.intake.InvalidMessage;
import nl.postbrug.intake.NoSuchMessage;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

import static nl.postbrug.ErrorResponses.page;

/**
 * Errors on the relatives' pages as a readable page in the page's language. Ordered
 * before {@link IntakeProblems}, which covers the same package but answers the API with
 * problem details.
 */
@ControllerAdvice(assignableTypes = { MessagesPage.class, ComposePage.class })
@Order(Ordered.HIGHEST_PRECEDENCE)
class IntakePageProblems {

	private final IntakeTexts texts;

	IntakePageProblems(MessageSource bundles) {
		this.texts = new IntakeTexts(bundles);
	}

	@ExceptionHandler
	ModelAndView invalid(InvalidMessage ex, Locale locale) {
		return page(HttpStatus.BAD_REQUEST, texts.get("problem.not-accepted", locale),
				texts.reason(ex.reason(), locale));
	}

	@ExceptionHandler
	ModelAndView notApproved(ContactNotApproved ex, Locale locale) {
		return page(HttpStatus.BAD_REQUEST, texts.get("problem.not-accepted", locale),
				texts.reason(ex.reason(), locale));
	}

	@ExceptionHandler
	ModelAndView noSuchMessage(NoSuchMessage ex, Locale locale) {
		return page(HttpStatus.NOT_FOUND, texts.get("problem.no-such-message", locale),
				texts.noSuchMessage(ex, locale));
	}

	@ExceptionHandler
	ModelAndView illegalTransition(IllegalTransition ex, Locale locale) {
		return page(HttpStatus.CONFLICT, texts.get("problem.illegal-transition", locale),
				texts.get(ex.code(), locale, ex.arguments()));
	}

}
