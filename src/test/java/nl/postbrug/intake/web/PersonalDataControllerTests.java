package nl.postbrug.intake.web;

import java.io.OutputStream;
import java.util.Locale;

import nl.postbrug.registry.PostbrugUser;
import nl.postbrug.registry.Role;
import nl.postbrug.registry.security.PostbrugWebSecurity;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static nl.postbrug.support.Problems.forbidden;
import static nl.postbrug.support.Problems.unauthorized;
import static nl.postbrug.support.Users.allBut;
import static nl.postbrug.support.Users.anna;
import static nl.postbrug.support.Users.as;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.willAnswer;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A relative's own data: the same ZIP on the API and from the account page, never cached,
 * and for nobody but a signed-in relative.
 */
@WebMvcTest(PersonalDataController.class)
@PostbrugWebSecurity
class PersonalDataControllerTests {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	PersonalDataExport export;

	@Test
	void aRelativeGetsTheirDataAsAnAttachmentThatIsNotCached() throws Exception {
		willAnswer(call -> {
			call.getArgument(2, OutputStream.class).write("PK".getBytes());
			return null;
		}).given(export).write(any(PostbrugUser.class), eq(Locale.forLanguageTag("nl")), any(OutputStream.class));
		for (String path : new String[] { "/api/v1/me/export", "/account/export" }) {
			mvc.perform(get(path).header("Accept-Language", "nl").with(as(anna())))
				.andExpect(status().isOk())
				.andExpect(content().contentType("application/zip"))
				.andExpect(header().string("Content-Disposition", "attachment; filename=\"postbrug-export.zip\""))
				.andExpect(header().string("Cache-Control", "no-store"))
				.andExpect(content().bytes("PK".getBytes()));
		}
	}

	@Test
	void nobodyButTheSignedInRelativeGetsIt() throws Exception {
		mvc.perform(get("/api/v1/me/export")).andExpect(unauthorized());
		mvc.perform(get("/account/export")).andExpect(redirectedUrl("/login"));
		for (PostbrugUser user : allBut(Role.SENDER)) {
			mvc.perform(get("/api/v1/me/export").with(as(user))).andExpect(forbidden());
			mvc.perform(get("/account/export").with(as(user))).andExpect(status().isForbidden());
		}
		verifyNoInteractions(export);
	}

}
