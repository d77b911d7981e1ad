package nl.postbrug.letters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import com.jayway.jsonpath.JsonPath;
import nl.postbrug.registry.PostbrugUser;
import nl.postbrug.registry.Role;
import nl.postbrug.support.ApiTestSupport;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An administrator edits the print templates and has them reloaded over the API: a broken
 * edit is refused with the file and the reason while the templates in use stay; a good
 * one is used from then on and audited.
 */
class TemplatesReloadTests extends ApiTestSupport {

	/**
	 * The admin account is also used by the sign-in throttle test; an administrator of
	 * its own keeps this apart.
	 */
	private static final RequestPostProcessor TEMPLATES_ADMIN = user(
			PostbrugUser.staff("templates-admin", "", Set.of(Role.FACILITY_ADMIN), true, Set.of(), true));

	@Value("${postbrug.letters.template-dir}")
	Path templateDir;

	@Autowired
	LetterRendering rendering;

	@Test
	void aBrokenEditIsRefusedWithItsFileAndAGoodOneIsUsedAndAudited() throws Exception {
		String before = version();
		String coverBefore = fileDigest("cover.html");
		String letterBefore = fileDigest("letter.html");
		Path letterHtml = this.templateDir.resolve("letter.html");
		String original = Files.readString(letterHtml);
		LetterContent letter = new LetterContent("PI Vught", "Sam de Vries", "1234567", "B2", "117", "Ans de Vries",
				LocalDate.of(2026, 3, 1), "Hallo Sam.", List.of(), CopyCodes.newCode());
		try {
			Files.writeString(letterHtml, original.replace("{{receivedDate}}", "{{receivedOn}}"));
			mvc.perform(post("/api/v1/letters/templates/reload").with(TEMPLATES_ADMIN))
				.andExpect(status().isUnprocessableContent())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(
						jsonPath("$.title").value("Afdruksjabloon geweigerd; de huidige sjablonen blijven in gebruik"))
				.andExpect(jsonPath("$.file").value(letterHtml.toAbsolutePath().toString()))
				.andExpect(jsonPath("$.reason").value(containsString("unknown field {{receivedOn}}")));
			assertThat(version()).isEqualTo(before);
			assertThat(LetterFixtures.text(this.rendering.render(letter, RenderOptions.DEFAULT).pdf()))
				.contains("From: Ans de Vries", "2026-03-01");

			Files.writeString(letterHtml, original.replace("From: <b>", "Sender: <b>"));
			String after = JsonPath.read(mvc.perform(post("/api/v1/letters/templates/reload").with(TEMPLATES_ADMIN))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.folder").value(this.templateDir.toAbsolutePath().toString()))
				.andExpect(jsonPath("$.files['cover.html']").value(coverBefore))
				.andExpect(jsonPath("$.files['letter.html']").value(not(letterBefore)))
				.andReturn()
				.getResponse()
				.getContentAsString(), "$.version");
			assertThat(after).isNotEqualTo(before).hasSize(64);
			assertThat(LetterFixtures.text(this.rendering.render(letter, RenderOptions.DEFAULT).pdf()))
				.contains("Sender: Ans de Vries");
			assertThat(jdbc.sql(
					"SELECT actor || ' ' || type || ' ' || subject FROM audit_event WHERE type = 'PRINT_TEMPLATES_RELOADED'")
				.query(String.class)
				.list())
				.containsExactly("templates-admin PRINT_TEMPLATES_RELOADED templates:" + after.substring(0, 16));
		}
		finally {
			Files.writeString(letterHtml, original);
			this.rendering.reload();
		}
		assertThat(version()).isEqualTo(before);
	}

	private String version() throws Exception {
		return JsonPath.read(templates(), "$.version");
	}

	private String fileDigest(String name) throws Exception {
		return JsonPath.read(templates(), "$.files['" + name + "']");
	}

	private String templates() throws Exception {
		return mvc.perform(get("/api/v1/letters/templates").with(TEMPLATES_ADMIN))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

}
