package nl.postbrug.delivery.web;

import java.util.Locale;

import nl.postbrug.intake.IllegalTransition;

import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors on the scan page as a readable page with the scan field, so the next scan can
 * follow at once (the page's script answers its own failures, {@link ScanPage}). Ordered
 * before {@link DeliveryProblems}, which covers the same package but answers the API.
 */
@ControllerAdvice(assignableTypes = ScanPage.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class DeliveryPageProblems {

	private final MessageSource texts;

	DeliveryPageProblems(MessageSource texts) {
		this.texts = texts;
	}

	@ExceptionHandler({ IllegalArgumentException.class, IllegalTransition.class })
	ModelAndView scanFailed(RuntimeException ex, Locale locale) {
		HttpStatus status = ex instanceof IllegalTransition ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST;
		String problem = ScanPage.failed(texts, ex, locale);
		ModelAndView page = new ModelAndView("delivery/scan", status);
		page.addObject("problem", problem);
		page.addObject("round", 0);
		return page;
	}

}
