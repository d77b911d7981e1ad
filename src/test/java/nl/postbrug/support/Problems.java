package nl.postbrug.support;

import org.hamcrest.Matcher;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultMatcher;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** What every API error must be: an RFC 9457 problem document with status and title. */
public final class Problems {

	private Problems() {
	}

	public static ResultMatcher problem(int status, String title) {
		return all(status().is(status), content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON),
				jsonPath("$.status").value(status), jsonPath("$.title").value(title));
	}

	/**
	 * A problem document with this status whose detail is {@code detail}, whatever its
	 * title says.
	 */
	public static ResultMatcher problemWithDetail(int status, String detail) {
		return all(status().is(status), content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON),
				jsonPath("$.status").value(status), jsonPath("$.title").isNotEmpty(),
				jsonPath("$.detail").value(detail));
	}

	public static ResultMatcher problem(int status, String title, Matcher<? super String> detail) {
		return all(problem(status, title), jsonPath("$.detail").value(detail));
	}

	public static ResultMatcher problem(int status, String title, String detailPart) {
		return problem(status, title, containsString(detailPart));
	}

	private static ResultMatcher all(ResultMatcher... matchers) {
		return result -> {
			for (ResultMatcher matcher : matchers) {
				matcher.match(result);
			}
		};
	}

	/** The API's answer without credentials, in Dutch (the default). */
	public static ResultMatcher unauthorized() {
		return all(problem(401, "Niet aangemeld", "Meld u aan met HTTP Basic"),
				org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
					.string("WWW-Authenticate", containsString("Basic")));
	}

	/**
	 * The API's answer to a signed-in user whose role may not do this, in Dutch (the
	 * default).
	 */
	public static ResultMatcher forbidden() {
		return problem(403, "Geen toegang", "Met uw rol mag u dit niet doen.");
	}

}
