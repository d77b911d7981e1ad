package nl.postbrug.security;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import nl.postbrug.registry.Contact;
import nl.postbrug.registry.PostbrugUser;
import nl.postbrug.registry.Role;
import nl.postbrug.support.ApiTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Facility and message scoping with real objects: a printed batch, its letter and its
 * barcode in Almelo (PIA) against postroom staff of Vught (PIV) only, Anna's message
 * against another relative, and the shared rules and templates against an administrator
 * of one facility. Each refusal looks like "not there" and changes nothing.
 */
class ScopeTests extends ApiTestSupport {

	@Autowired
	UserDetailsService users;

	private UUID message;

	private long batch;

	private long letter;

	private String code;

	@BeforeEach
	void aPrintedLetterInAlmelo() throws Exception {
		message = send("1000000001", "Lieve Jan, de tuin staat in bloei. Tot zondag!");
		await().until(() -> statusOf(message).equals("APPROVED"));
		String made = mvc.perform(post("/api/v1/facilities/PIA/batches").with(POSTROOM))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		batch = ((Number) JsonPath.read(made, "$.id")).longValue();
		String detail = mvc.perform(get("/api/v1/batches/" + batch).with(POSTROOM))
			.andReturn()
			.getResponse()
			.getContentAsString();
		letter = ((Number) JsonPath.<List<Object>>read(detail, "$.items[?(@.message == '" + message + "')].id").get(0))
			.longValue();
		code = JsonPath.<List<String>>read(detail, "$.items[?(@.message == '" + message + "')].code").get(0);
	}

	@Test
	void postroomStaffOfAnotherFacilityFindNoBatchLetterOrPdf() throws Exception {
		long events = count("SELECT COUNT(*) FROM audit_event");
		String status = batchStatus();
		mvc.perform(get("/api/v1/batches/" + batch).with(POSTROOM_PIV)).andExpect(status().isNotFound());
		mvc.perform(get("/api/v1/batches/" + batch + "/pdf").with(POSTROOM_PIV)).andExpect(status().isNotFound());
		mvc.perform(post("/api/v1/batches/" + batch + "/print").with(POSTROOM_PIV)).andExpect(status().isNotFound());
		mvc.perform(post("/api/v1/batches/" + batch + "/printed-by-hand").with(POSTROOM_PIV))
			.andExpect(status().isNotFound());
		mvc.perform(post("/api/v1/letters/" + letter + "/reprint").with(POSTROOM_PIV)).andExpect(status().isNotFound());
		mvc.perform(post("/api/v1/facilities/PIA/batches").with(POSTROOM_PIV)).andExpect(status().isNotFound());
		PostbrugUser piv = (PostbrugUser) users.loadUserByUsername("postroom-piv");
		mvc.perform(get("/postroom/batches/" + batch).with(user(piv))).andExpect(status().isNotFound());
		mvc.perform(get("/postroom/batches/" + batch + "/pdf").with(user(piv))).andExpect(status().isNotFound());
		mvc.perform(post("/postroom/batches/" + batch + "/letters/" + letter + "/reprint").with(user(piv)).with(csrf()))
			.andExpect(status().isNotFound());
		assertThat(batchStatus()).isEqualTo(status);
		assertThat(count("SELECT COUNT(*) FROM letter_copy WHERE letter_id = " + letter)).as("no reprint was made")
			.isEqualTo(1);
		assertThat(count("SELECT COUNT(*) FROM audit_event")).isEqualTo(events);
	}

	@Test
	void aScanOfAnotherFacilitysLetterDeliversNothing() throws Exception {
		mvc.perform(post("/api/v1/scans").with(POSTROOM_PIV)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"code\":\"" + code + "\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.outcome").value("WRONG_FACILITY"))
			.andExpect(jsonPath("$.prisoner").doesNotExist());
		assertThat(statusOf(message)).isEqualTo("PRINTED");
	}

	@Test
	void anotherRelativeNeitherSeesNorFindsAnnasMessage() throws Exception {
		long id = jdbc.sql("SELECT id FROM contact WHERE email = 'fatima.elamrani@example.org'")
			.query(Long.class)
			.single();
		RequestPostProcessor fatima = user(PostbrugUser
			.relative(new Contact(id, "fatima.elamrani@example.org", "Fatima El Amrani", true), "{noop}unused"));
		mvc.perform(get("/api/v1/messages/" + message).with(fatima)).andExpect(status().isNotFound());
		String theirs = mvc.perform(get("/api/v1/messages").with(fatima))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(theirs).doesNotContain(message.toString());
		mvc.perform(get("/api/v1/messages/" + message).with(POSTROOM_PIV)).andExpect(status().isNotFound());
	}

	@Test
	void anAdministratorOfOneFacilityReadsButCannotReloadWhatAllFacilitiesShare() throws Exception {
		long piv = jdbc.sql("SELECT id FROM facility WHERE code = 'PIV'").query(Long.class).single();
		PostbrugUser vughtAdmin = PostbrugUser.staff("admin-piv", "{noop}unused", Set.of(Role.FACILITY_ADMIN), false,
				Set.of(piv), true);
		long events = count("SELECT COUNT(*) FROM audit_event");
		mvc.perform(get("/api/v1/screening/rules").with(user(vughtAdmin))).andExpect(status().isOk());
		mvc.perform(get("/api/v1/letters/templates").with(user(vughtAdmin))).andExpect(status().isOk());
		mvc.perform(post("/api/v1/screening/rules/reload").with(user(vughtAdmin))).andExpect(status().isForbidden());
		mvc.perform(post("/api/v1/letters/templates/reload").with(user(vughtAdmin))).andExpect(status().isForbidden());
		assertThat(count("SELECT COUNT(*) FROM audit_event")).isEqualTo(events);
		mvc.perform(post("/api/v1/screening/rules/reload").with(user(users.loadUserByUsername("admin"))))
			.andExpect(status().isOk());
	}

	private String batchStatus() throws Exception {
		return JsonPath.read(mvc.perform(get("/api/v1/batches/" + batch).with(POSTROOM))
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.status");
	}

}
