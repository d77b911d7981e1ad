package nl.postbrug;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.servlet.ModelAndView;

/**
 * The two shapes an error takes, shared by every module's web advice: RFC 9457 problem
 * details for the API and the readable error page for the pages. Both say what was wrong
 * in the detail, in the language of the request: titles and details come from the
 * bundles, never from an exception's (English) message.
 */
public final class ErrorResponses {

	private ErrorResponses() {
	}

	public static ProblemDetail problem(HttpStatus status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		return problem;
	}

	/** A problem whose title and detail are the words of two bundle entries. */
	public static ProblemDetail problem(HttpStatus status, MessageSource texts, Locale locale, String titleKey,
			Worded detail) {
		return problem(status, texts.getMessage(titleKey, null, locale), words(texts, detail, locale));
	}

	public static String words(MessageSource texts, Worded what, Locale locale) {
		return texts.getMessage(what.code(), what.arguments(), locale);
	}

	public static ModelAndView page(HttpStatus status, String title, String detail) {
		ModelAndView page = new ModelAndView("error", status);
		page.addObject("status", status.value());
		page.addObject("title", title);
		page.addObject("detail", detail);
		return page;
	}

}
