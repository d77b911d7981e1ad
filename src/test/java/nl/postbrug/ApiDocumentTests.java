package nl.postbrug;

import com.jayway.jsonpath.JsonPath;
import nl.postbrug.registry.Role;
import nl.postbrug.support.DataDirs;
import nl.postbrug.support.Users;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The application describes its API in an OpenAPI 3 document anyone may read; the
 * browsable UI opens for staff only.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("demo")
class ApiDocumentTests {

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		String dir = DataDirs.fresh("api-document");
		registry.add("postbrug.data-dir", () -> dir);
	}

	@Autowired
	MockMvc mvc;

	@Test
	void theDocumentListsThePortalsEndpoints() throws Exception {
		String doc = mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat((String) JsonPath.read(doc, "$.openapi")).startsWith("3.");
		assertThat((String) JsonPath.read(doc, "$.info.title")).isEqualTo("Postbrug API");
		assertThat(JsonPath.<java.util.Map<String, Object>>read(doc, "$.paths")).containsKeys("/api/v1/registrations",
				"/api/v1/registrations/verify", "/api/v1/me/approval-requests", "/api/v1/approval-requests",
				"/api/v1/approval-requests/{id}", "/api/v1/messages", "/api/v1/messages/preview");
	}

	@Test
	void theUiIsForStaff() throws Exception {
		mvc.perform(get("/swagger-ui/index.html")).andExpect(redirectedUrl("/login"));
		mvc.perform(get("/swagger-ui/index.html").with(user(Users.anna()))).andExpect(status().isForbidden());
		mvc.perform(get("/swagger-ui/index.html").with(user(Users.staff(Role.FACILITY_ADMIN))))
			.andExpect(status().isOk());
	}

}
