package nl.postbrug.intake.web;

import java.util.List;

import nl.postbrug.intake.ContactNotApproved;
import nl.postbrug.intake.IntakeSettings;
import nl.postbrug.intake.InvalidMessage;
import nl.postbrug.intake.Reason;
import nl.postbrug.intake.MessageIntake;
import nl.postbrug.intake.MessageStatus;
import nl.postbrug.intake.Receipt;
import nl.postbrug.intake.UnknownPrisoner;
import nl.postbrug.registry.PostbrugUser;
import nl.postbrug.registry.Prisoner;
import nl.postbrug.registry.PrisonerStatus;
import nl.postbrug.registry.Registry;
import nl.postbrug.registry.Role;
import nl.postbrug.registry.security.PostbrugWebSecurity;
import nl.postbrug.support.Users;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import static nl.postbrug.intake.web.MessagesControllerTests.ID;
import static nl.postbrug.support.Users.allBut;
import static nl.postbrug.support.Users.anna;
import static nl.postbrug.support.Users.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.web.util.HtmlUtils.htmlEscape;

/**
 * The compose form's HTTP contract: relatives only, CSRF, a fresh idempotency key in
 * every form, and a refused message shown again with intake's reason and the text kept.
 */
@WebMvcTest(ComposePage.class)
@PostbrugWebSecurity
@EnableConfigurationProperties(IntakeSettings.class)
class ComposePageTests {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	MessageIntake intake;

	@MockitoBean
	LetterPreview preview;

	@MockitoBean
	Registry registry;

	@BeforeEach
	void annaWritesToJan() {
		given(registry.approvedPrisoners(Users.ANNA_CONTACT)).willReturn(List.of(new Prisoner(1, "1000000001",
				"Jan de Vries", 1, "PIA", "PI Amsterdam", "B", "B-2.01", PrisonerStatus.ACTIVE)));
	}

	private static MockMultipartHttpServletRequestBuilder compose(String prisoner, String text, String key) {
		return multipart("/compose").param("prisoner", prisoner).param("text", text).param("idempotencyKey", key);
	}

	@Test
	void theFormOffersTheApprovedPrisonerAndAnIdempotencyKey() throws Exception {
		mvc.perform(get("/compose").accept(MediaType.TEXT_HTML).with(as(anna())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("name=\"idempotencyKey\"")))
			.andExpect(content().string(containsString("Jan de Vries (1000000001, PI Amsterdam)")))
			.andExpect(content().string(containsString("name=\"_csrf\"")));
	}

	@Test
	void aSentMessageLeadsToTheMessagesPage() throws Exception {
		given(intake.submit(any(), eq("1000000001"), eq("Tot zondag"), anyList(), eq("k-1"), any()))
			.willReturn(new Receipt(ID, MessageStatus.RECEIVED, false));
		mvc.perform(compose("1000000001", "Tot zondag", "k-1").with(as(anna())).with(csrf()))
			.andExpect(redirectedUrl("/messages"))
			.andExpect(flash().attributeExists("notice"));
	}

	@Test
	void aRefusedMessageIsShownAgainWithTheReasonAndTheTextKept() throws Exception {
		given(intake.submit(any(), eq("9999999999"), any(), anyList(), any(), any()))
			.willThrow(new UnknownPrisoner("9999999999"));
		mvc.perform(compose("9999999999", "Keep <b>this</b> text", "k-2").with(as(anna())).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content()
				.string(containsString(htmlEscape("U kunt (nog) niet schrijven aan registratienummer 9999999999."))))
			.andExpect(content().string(containsString("href=\"#prisoner\"")))
			.andExpect(content().string(containsString("aria-describedby=\"prisoner-error\"")))
			.andExpect(content().string(containsString("Keep &lt;b&gt;this&lt;/b&gt; text")))
			.andExpect(content().string(not(containsString("<b>this</b>"))))
			.andExpect(content().string(containsString("value=\"k-2\"")));
		given(intake.submit(any(), eq("1000000003"), any(), anyList(), any(), any()))
			.willThrow(new InvalidMessage(Reason.of("invalid.empty")));
		mvc.perform(compose("1000000003", "Hallo", "k-3").with(as(anna())).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Het bericht bevat geen tekst.")))
			.andExpect(content().string(containsString("aria-describedby=\"text-hint text-error text-count\"")));
		given(intake.submit(any(), eq("1000000004"), any(), anyList(), any(), any()))
			.willThrow(new ContactNotApproved("1000000004"));
		mvc.perform(compose("1000000004", "Hallo", "k-3").header("Accept-Language", "en").with(as(anna())).with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("You cannot write to registry number 1000000004 yet.")))
			.andExpect(content().string(containsString("<html lang=\"en\"")));
	}

	@Test
	void theFormNeedsItsCsrfToken() throws Exception {
		mvc.perform(compose("1000000001", "Hallo", "k-4").with(as(anna()))).andExpect(status().isForbidden());
		verifyNoInteractions(intake);
	}

	@Test
	void withoutSignInTheFormSendsToTheLoginForm() throws Exception {
		mvc.perform(get("/compose")).andExpect(redirectedUrl("/login"));
	}

	@Test
	void staffAreForbidden() throws Exception {
		for (PostbrugUser user : allBut(Role.SENDER)) {
			mvc.perform(get("/compose").with(as(user))).andExpect(status().isForbidden());
			mvc.perform(compose("1000000001", "Hallo", "k-5").with(as(user)).with(csrf()))
				.andExpect(status().isForbidden());
		}
		verifyNoInteractions(intake);
	}

}
