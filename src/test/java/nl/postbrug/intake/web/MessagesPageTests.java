package nl.postbrug.intake.web;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import nl.postbrug.intake.Channel;
import nl.postbrug.intake.MessageStatus;
import nl.postbrug.intake.MessageView;
import nl.postbrug.intake.Messages;
import nl.postbrug.intake.ReasonTexts;
import nl.postbrug.registry.Facility;
import nl.postbrug.registry.PostbrugUser;
import nl.postbrug.registry.Prisoner;
import nl.postbrug.registry.PrisonerStatus;
import nl.postbrug.registry.Registry;
import nl.postbrug.registry.Role;
import nl.postbrug.registry.security.PostbrugWebSecurity;
import nl.postbrug.support.Users;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static nl.postbrug.intake.web.MessagesControllerTests.ID;
import static nl.postbrug.support.Users.allBut;
import static nl.postbrug.support.Users.anna;
import static nl.postbrug.support.Users.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A relative's messages page: only for relatives, and the message text printed as text,
 * never as markup.
 */
@WebMvcTest(MessagesPage.class)
@PostbrugWebSecurity
@Import(ReasonTexts.class)
class MessagesPageTests {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	Messages messages;

	@MockitoBean
	Registry registry;

	@Test
	void aRelativeSeesHerMessagesWithTheTextEscaped() throws Exception {
		MessageView sent = new MessageView(ID, Channel.WEB, "anna@example.org", "Anna", Users.ANNA_CONTACT, 1L, 1L,
				null, "<script>alert(1)</script> tot zondag", MessageStatus.RECEIVED, null,
				Instant.parse("2026-12-01T08:00:00Z"), 0);
		given(messages.sentBy(Users.ANNA_CONTACT, 100)).willReturn(List.of(sent));
		given(registry.prisoner(1L)).willReturn(new Prisoner(1, "1000000001", "Jan de Vries", 1, "PIA", "PI Amsterdam",
				"B", "B-2.01", PrisonerStatus.ACTIVE));
		given(registry.facility(1L))
			.willReturn(new Facility(1, "PIA", "PI Amsterdam", ZoneId.of("Europe/Amsterdam"), null));
		mvc.perform(get("/messages").accept(MediaType.TEXT_HTML).with(as(anna())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Mijn berichten")))
			.andExpect(content().string(containsString(">Ontvangen<")))
			.andExpect(content().string(not(containsString(">RECEIVED<"))))
			.andExpect(content().string(containsString("Jan de Vries (1000000001)")))
			.andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt;")))
			.andExpect(content().string(not(containsString("<script>alert(1)"))));
	}

	@Test
	void withoutSignInThePageSendsToTheLoginForm() throws Exception {
		mvc.perform(get("/messages")).andExpect(redirectedUrl("/login"));
		verifyNoInteractions(messages);
	}

	@Test
	void staffAreForbidden() throws Exception {
		for (PostbrugUser user : allBut(Role.SENDER)) {
			mvc.perform(get("/messages").accept(MediaType.TEXT_HTML).with(as(user))).andExpect(status().isForbidden());
		}
		verifyNoInteractions(messages);
	}

}
