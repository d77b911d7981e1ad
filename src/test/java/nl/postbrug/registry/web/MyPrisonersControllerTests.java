package nl.postbrug.registry.web;

import java.util.List;

import nl.postbrug.registry.PostbrugUser;
import nl.postbrug.registry.Prisoner;
import nl.postbrug.registry.PrisonerStatus;
import nl.postbrug.registry.Registry;
import nl.postbrug.registry.Role;
import nl.postbrug.registry.security.PostbrugWebSecurity;
import nl.postbrug.support.Users;
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
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(MyPrisonersController.class)
@PostbrugWebSecurity
class MyPrisonersControllerTests {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	Registry registry;

	@Test
	void aRelativeSeesTheActivePrisonersSheMayWriteTo() throws Exception {
		given(registry.approvedPrisoners(Users.ANNA_CONTACT)).willReturn(List.of(
				new Prisoner(1, "1000000001", "Jan de Vries", 1, "PIA", "PI Amsterdam", "B", "B-2.01",
						PrisonerStatus.ACTIVE),
				new Prisoner(2, "1000000002", "Piet Bakker", 1, "PIA", "PI Amsterdam", "C", "C-1.04",
						PrisonerStatus.RELEASED)));
		mvc.perform(get("/api/v1/me/prisoners").with(as(anna())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(1))
			.andExpect(jsonPath("$[0].number").value("1000000001"))
			.andExpect(jsonPath("$[0].name").value("Jan de Vries"))
			.andExpect(jsonPath("$[0].facility").value("PIA"))
			.andExpect(jsonPath("$[0].cell").doesNotExist());
	}

	@Test
	void withoutCredentialsTheAnswerIs401() throws Exception {
		mvc.perform(get("/api/v1/me/prisoners")).andExpect(unauthorized());
		verifyNoInteractions(registry);
	}

	@Test
	void staffAreForbidden() throws Exception {
		for (PostbrugUser user : allBut(Role.SENDER)) {
			mvc.perform(get("/api/v1/me/prisoners").with(as(user))).andExpect(forbidden());
		}
		verifyNoInteractions(registry);
	}

}
