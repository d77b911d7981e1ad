package nl.postbrug.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.postbrug.support.ApiTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * The access matrix of {@code docs/security.md}, enforced: every endpoint and page of the
 * application has a row, every row names an endpoint that exists, and every role is tried
 * against every row. A role marked ✗ must be refused (401 or a redirect to the sign-in
 * page for nobody signed in, 403 for a signed-in role); a role marked ✓ must get past the
 * door (what it then finds — 200, 404 for an id that is not there, 400 for an empty form
 * — is the endpoint's own business and tested next to it). Facility and message scoping,
 * with real ids of another facility and another relative, is in {@link ScopeTests}.
 */
class AccessMatrixTests extends ApiTestSupport {

	static final Path DOC = Path.of("docs/security.md");

	/** Column order of the table; each signed-in column is a demo account. */
	static final List<String> COLUMNS = List.of("anonymous", "relative", "screener", "postroom", "admin", "auditor");

	static final Map<String, String> ACCOUNTS = Map.of("relative", "anna@example.org", "screener", "screener",
			"postroom", "postroom", "admin", "admin", "auditor", "auditor");

	private static final Pattern ROW = Pattern
		.compile("^\\|\\s*(GET|POST|PUT|PATCH|DELETE)\\s*\\|\\s*`([^`]+)`\\s*\\|((?:[^|]*\\|){6})");

	record Row(String method, String path, Map<String, Boolean> allowed) {

		String key() {
			return method + " " + path;
		}

	}

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	UserDetailsService users;

	static List<Row> documentedRows() throws IOException {
		List<Row> rows = new ArrayList<>();
		for (String line : Files.readAllLines(DOC, StandardCharsets.UTF_8)) {
			Matcher row = ROW.matcher(line);
			if (!row.find()) {
				continue;
			}
			String[] cells = row.group(3).split("\\|");
			Map<String, Boolean> allowed = new LinkedHashMap<>();
			for (int i = 0; i < COLUMNS.size(); i++) {
				String cell = cells[i].strip();
				assertThat(cell).as("cell %s of %s %s", COLUMNS.get(i), row.group(1), row.group(2)).isIn("✓", "✗");
				allowed.put(COLUMNS.get(i), cell.equals("✓"));
			}
			rows.add(new Row(row.group(1), row.group(2), allowed));
		}
		return rows;
	}

	/** Every handler the application serves, as "METHOD /path/{var}". */
	private Map<String, HandlerMethod> served() {
		Map<String, HandlerMethod> served = new LinkedHashMap<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
			if (!entry.getValue().getBeanType().getPackageName().startsWith("nl.postbrug")) {
				continue;
			}
			for (String pattern : entry.getKey().getPatternValues()) {
				for (var method : entry.getKey().getMethodsCondition().getMethods()) {
					served.put(method.name() + " " + pattern, entry.getValue());
				}
			}
		}
		return served;
	}

	@Test
	void everyEndpointHasExactlyOneRowAndEveryRowAnEndpoint() throws IOException {
		List<String> documented = documentedRows().stream().map(Row::key).toList();
		assertThat(documented).as("rows listed twice in %s", DOC).doesNotHaveDuplicates();
		TreeSet<String> missing = new TreeSet<>(served().keySet());
		missing.removeAll(documented);
		TreeSet<String> stale = new TreeSet<>(documented);
		stale.removeAll(served().keySet());
		assertThat(missing).as("endpoints without a row in the access matrix of %s", DOC).isEmpty();
		assertThat(stale).as("rows of %s for endpoints that do not exist", DOC).isEmpty();
	}

	@Test
	void everyRoleMeetsTheDoorTheMatrixDescribes() throws Exception {
		Map<String, HandlerMethod> served = served();
		List<String> wrong = new ArrayList<>();
		for (Row row : documentedRows()) {
			HandlerMethod handler = served.get(row.key());
			if (handler == null) {
				continue; // reported by the test above
			}
			for (String column : COLUMNS) {
				MockHttpServletResponse answer = mvc.perform(attempt(row, handler, column)).andReturn().getResponse();
				boolean passed = passedTheDoor(answer);
				if (passed != row.allowed().get(column)) {
					wrong.add(row.key() + " as " + column + ": expected " + (row.allowed().get(column) ? "✓" : "✗")
							+ " but got " + answer.getStatus() + location(answer));
				}
			}
		}
		assertThat(wrong).as("answers that differ from the access matrix").isEmpty();
	}

	private MockHttpServletRequestBuilder attempt(Row row, HandlerMethod handler, String column) {
		MockHttpServletRequestBuilder request = request(org.springframework.http.HttpMethod.valueOf(row.method()),
				fill(row.path(), handler));
		if (!row.method().equals("GET")) {
			request.with(csrf());
			if (takesJson(handler)) {
				request.contentType(MediaType.APPLICATION_JSON).content("{}");
			}
			else if (takesMultipart(handler)) {
				request.contentType(MediaType.MULTIPART_FORM_DATA);
			}
		}
		if (!column.equals("anonymous")) {
			request.with(user(users.loadUserByUsername(ACCOUNTS.get(column))));
		}
		return request;
	}

	private boolean takesMultipart(HandlerMethod handler) {
		return mappings.getHandlerMethods()
			.entrySet()
			.stream()
			.filter(entry -> entry.getValue().getMethod().equals(handler.getMethod()))
			.anyMatch(entry -> entry.getKey()
				.getConsumesCondition()
				.getConsumableMediaTypes()
				.contains(MediaType.MULTIPART_FORM_DATA));
	}

	private static boolean takesJson(HandlerMethod handler) {
		for (MethodParameter parameter : handler.getMethodParameters()) {
			if (parameter.hasParameterAnnotation(RequestBody.class)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Path variables get values of their type that exist nowhere: what is behind them is
	 * not tried here.
	 */
	static String fill(String path, HandlerMethod handler) {
		String filled = path;
		for (MethodParameter parameter : handler.getMethodParameters()) {
			PathVariable variable = parameter.getParameterAnnotation(PathVariable.class);
			if (variable == null) {
				continue;
			}
			String name = !variable.value().isEmpty() ? variable.value() : parameter.getParameterName();
			Class<?> type = parameter.getParameterType();
			String value = type == UUID.class ? UUID.randomUUID().toString()
					: name.equals("code") ? "ZZZ" : name.equals("index") ? "0" : "999999";
			filled = filled.replace("{" + name + "}", value);
		}
		return filled;
	}

	private static boolean passedTheDoor(MockHttpServletResponse answer) {
		int status = answer.getStatus();
		if (status == 401 || status == 403) {
			return false;
		}
		// A redirect to the sign-in page is the door, unless it is the sign-out's own
		// end.
		String location = answer.getHeader("Location");
		return !(status == 302 && location != null && location.matches("(https?://[^/]+)?/login(\\?(?!logout).*)?"));
	}

	private static String location(MockHttpServletResponse answer) {
		return answer.getHeader("Location") == null ? "" : " → " + answer.getHeader("Location");
	}

}
