package nl.postbrug;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import nl.postbrug.support.ApiTestSupport;
import nl.postbrug.support.Bundles;

import org.junit.jupiter.api.Test;

import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.HttpRequestMethodNotSupportedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Failing requests against the whole application, each asked in Dutch (no preference, the
 * default), in English ({@code Accept-Language: en}) and in English by the language
 * cookie: every problem's title and detail are the bundles' words for that language, the
 * two languages differ, and the Dutch answer holds no English sentence.
 */
class ProblemLanguagesTests extends ApiTestSupport {

	private static final Locale DUTCH = Locale.forLanguageTag("nl");

	/** Words that occur in English sentences and never in Dutch ones. */
	private static final Set<String> ENGLISH = Set.of("the", "your", "you", "cannot", "must", "this", "there", "not",
			"and", "with", "please", "is not", "was", "allowed", "missing", "found", "sign");

	private final MessageSource bundles = Bundles.messageSource();

	/** A failing request, the status it gets and the bundle keys of its words. */
	record Failing(String what, Supplier<AbstractMockHttpServletRequestBuilder<?>> request, RequestPostProcessor as,
			int status, String titleKey, String detailKey, Object... detailArguments) {
	}

	private List<Failing> failing() {
		String type = MethodArgumentTypeMismatchException.class.getName();
		String method = HttpRequestMethodNotSupportedException.class.getName();
		return List.of(
				new Failing("no sign-in", () -> get("/api/v1/messages"), request -> request, 401,
						"security.problem.unauthorized.title", "security.problem.unauthorized"),
				new Failing("a relative on a staff function", () -> get("/api/v1/approval-requests"), ANNA, 403,
						"security.problem.forbidden.title", "security.problem.forbidden"),
				new Failing("a batch run for an unknown facility", () -> post("/api/v1/facilities/NOPE/batches"),
						POSTROOM, 404, "batches.problem.not-found.title", "problem.out-of-scope.facility", "NOPE"),
				new Failing("a batch of another facility", () -> get("/api/v1/batches/999999"), POSTROOM, 404,
						"batches.problem.not-found.title", "problem.out-of-scope.batch", "999999"),
				new Failing("a batch id that is not a number", () -> get("/api/v1/batches/first"), POSTROOM, 400,
						"problemDetail.title." + type, "problemDetail." + TypeMismatchException.class.getName(), "id",
						"first"),
				new Failing("the overdue list of an unknown facility", () -> get("/api/v1/facilities/NOPE/overdue"),
						POSTROOM, 404, "delivery.problem.not-found", "problem.out-of-scope.facility", "NOPE"),
				new Failing("a scan without a code",
						() -> post("/api/v1/scans").contentType(MediaType.APPLICATION_JSON).content("{}"), POSTROOM,
						400, "delivery.problem.not-understood", "delivery.problem.no-code"),
				new Failing("a bulk scan without a file", () -> multipart("/api/v1/scans/bulk"), POSTROOM, 400,
						"delivery.problem.not-understood", "delivery.problem.no-file"),
				new Failing("releasing an unknown prisoner", () -> post("/api/v1/prisoners/999/release"), ADMIN, 404,
						"moves.problem.not-found", "moves.no-such-prisoner", "999"),
				new Failing("a transfer to an unknown facility",
						() -> post("/api/v1/prisoners/1000000001/transfer").contentType(MediaType.APPLICATION_JSON)
							.content("{\"facility\":\"PIX\",\"unit\":\"B\",\"cell\":\"1\"}"),
						ADMIN, 400, "moves.problem.not-understood", "moves.no-such-facility", "PIX", "PIA"),
				new Failing("a decision that is none",
						() -> post("/api/v1/review/" + UUID.randomUUID()).contentType(MediaType.APPLICATION_JSON)
							.content("{\"decision\":\"MAYBE\"}"),
						SCREENER, 400, "screening.problem.decision", "review.invalid.unknown", "MAYBE"),
				new Failing("a review of a message outside the facilities",
						() -> post("/api/v1/review/" + new UUID(0, 1)).contentType(MediaType.APPLICATION_JSON)
							.content("{\"decision\":\"APPROVE\"}"),
						SCREENER, 404, "screening.problem.no-such-message", "problem.out-of-scope.message",
						new UUID(0, 1).toString()),
				new Failing("a method the address does not take", () -> delete("/api/v1/me/export"), ANNA, 405,
						"problemDetail.title." + method, "problemDetail." + method, "DELETE", "[GET]"));
	}

	@Test
	void everyProblemSpeaksTheRequestsLanguageInTheBundlesWords() throws Exception {
		for (Failing failing : failing()) {
			String[] dutch = answer(failing, null, null);
			String[] english = answer(failing, "en", null);
			String[] chosen = answer(failing, "nl", "en");
			assertThat(dutch).as(failing.what() + " in Dutch").containsExactly(words(failing, DUTCH));
			assertThat(english).as(failing.what() + " in English").containsExactly(words(failing, Locale.ENGLISH));
			assertThat(chosen).as(failing.what() + " in English by the cookie").containsExactly(english);
			assertThat(dutch[0]).as(failing.what()).isNotEqualTo(english[0]);
			assertThat(dutch[1]).as(failing.what()).isNotEqualTo(english[1]);
			assertThat(englishWords(dutch[0] + " " + dutch[1])).as(failing.what() + ": English in " + dutch[1])
				.isEmpty();
		}
	}

	private String[] answer(Failing failing, String acceptLanguage, String cookie) throws Exception {
		AbstractMockHttpServletRequestBuilder<?> request = failing.request().get();
		if (acceptLanguage != null) {
			request.header("Accept-Language", acceptLanguage);
		}
		if (cookie != null) {
			request.cookie(new Cookie("postbrug-lang", cookie));
		}
		MockHttpServletResponse response = mvc.perform(request.with(failing.as())).andReturn().getResponse();
		assertThat(response.getStatus()).as(failing.what()).isEqualTo(failing.status());
		assertThat(response.getContentType()).as(failing.what()).startsWith("application/problem+json");
		String body = response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		return new String[] { JsonPath.read(body, "$.title"), JsonPath.read(body, "$.detail") };
	}

	private String[] words(Failing failing, Locale locale) {
		return new String[] { bundles.getMessage(failing.titleKey(), null, locale),
				bundles.getMessage(failing.detailKey(), failing.detailArguments(), locale) };
	}

	private static Set<String> englishWords(String text) {
		return Pattern.compile("[^\\p{L}]+")
			.splitAsStream(text.toLowerCase(Locale.ROOT))
			.filter(ENGLISH::contains)
			.collect(Collectors.toSet());
	}

}
