package nl.postbrug;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.servlet.ModelAndView;

/**
 * The two shapes an error takes, shared by every module's web advice: RFC 9457 problem
 * details for the API and the readable error page for the pages. Both say what was wrong
 * in the detail.
 */
public final class ErrorResponses {

	private ErrorResponses() {
	}

	public static ProblemDetail problem(HttpStatus status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		return problem;
	}

	public static ModelAndView page(HttpStatus status, String title, String detail) {
		ModelAndView page = new ModelAndView("error", status);
		page.addObject("status", status.value());
		page.addObject("title", title);
		page.addObject("detail", detail);
		return page;
	}

}
