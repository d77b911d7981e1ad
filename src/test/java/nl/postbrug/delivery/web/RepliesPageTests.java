package nl.postbrug.delivery.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import nl.postbrug.delivery.InvalidReplyCode;
import nl.postbrug.delivery.PageOutcome;
import nl.postbrug.delivery.Replies;
import nl.postbrug.letters.ScannedPages;
import nl.postbrug.registry.PostbrugUser;
import nl.postbrug.registry.Role;
import nl.postbrug.registry.security.PostbrugWebSecurity;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static nl.postbrug.support.Users.allBut;
import static nl.postbrug.support.Users.as;
import static nl.postbrug.support.Users.staff;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The postroom's reply sheet page: postroom only, CSRF on every form, and a missing,
 * unreadable or mistyped input comes back to the page saying what was wrong.
 */
@WebMvcTest(RepliesPage.class)
@PostbrugWebSecurity
class RepliesPageTests {

	static final PostbrugUser POSTROOM = staff(Role.POSTROOM);

	static final UUID PAGE = UUID.fromString("0b6f6f39-1f5c-4a8e-9a58-3f0f4a2f6e01");

	@Autowired
	MockMvc mvc;

	@MockitoBean
	Replies replies;

	private static MockMultipartFile pdf() {
		return new MockMultipartFile("file", "replies.pdf", "application/pdf", "%PDF-1.7".getBytes());
	}

	@Test
	void thePageListsThePagesWaitingForTheOfficer() throws Exception {
		given(replies.queuedFor(any())).willReturn(List
			.of(new Replies.QueuedPage(PAGE, "NO_CODE", null, Instant.parse("2026-12-01T09:00:00Z"), "postroom")));
		mvc.perform(get("/postroom/replies").with(as(POSTROOM)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Antwoordvellen scannen")))
			.andExpect(content().string(containsString("typ de code onder de QR-code over")))
			.andExpect(content().string(containsString("/postroom/replies/pages/" + PAGE)))
			.andExpect(content().string(containsString("name=\"_csrf\"")));
	}

	@Test
	void anUploadShowsEveryPageWithItsOutcomeInTheOfficersWords() throws Exception {
		given(replies.receive(any(), any(), eq(Replies.UPLOAD), eq(false))).willReturn(
				List.of(new Replies.PageResult(1, "PR-AAAAA-AAAAA-A", UUID.randomUUID(), PageOutcome.RECEIVED, PAGE)));
		mvc.perform(multipart("/postroom/replies").file(pdf()).with(as(POSTROOM)).with(csrf()))
			.andExpect(redirectedUrl("/postroom/replies"))
			.andExpect(flash().attribute("rows", List.of(new RepliesPage.Row(1, "PR-AAAAA-AAAAA-A",
					PageOutcome.RECEIVED, "Ontvangen; wacht op beoordeling"))));
	}

	@Test
	void aMissingOrUnreadableFileSaysWhyAndRecordsNothing() throws Exception {
		mvc.perform(multipart("/postroom/replies").with(as(POSTROOM)).with(csrf()))
			.andExpect(redirectedUrl("/postroom/replies"))
			.andExpect(flash().attribute("problem", containsString("Er is geen bestand ontvangen")));
		given(replies.receive(any(), any(), any(), eq(false)))
			.willThrow(new ScannedPages.Refused("scan.not-a-scan", "not a scan"));
		mvc.perform(multipart("/postroom/replies").file(pdf()).with(as(POSTROOM)).with(csrf()))
			.andExpect(redirectedUrl("/postroom/replies"))
			.andExpect(flash().attribute("problem", containsString("Alleen een PDF, PNG of JPEG")));
	}

	@Test
	void aMistypedCodeAsksToCompareItWithTheSheet() throws Exception {
		given(replies.settle(eq(PAGE), eq("PR-NOPE"), eq(false), any())).willThrow(new InvalidReplyCode("PR-NOPE"));
		mvc.perform(post("/postroom/replies/pages/" + PAGE).param("code", "PR-NOPE").with(as(POSTROOM)).with(csrf()))
			.andExpect(redirectedUrl("/postroom/replies"))
			.andExpect(flash().attribute("problem", containsString("Dat is geen antwoordcode")));
		given(replies.settle(eq(PAGE), eq("PR-AAAAA-AAAAA-A"), eq(false), any()))
			.willReturn(new Replies.PageResult(1, "PR-AAAAA-AAAAA-A", null, PageOutcome.CODE_USED, null));
		mvc.perform(post("/postroom/replies/pages/" + PAGE).param("code", "PR-AAAAA-AAAAA-A")
			.with(as(POSTROOM))
			.with(csrf())).andExpect(flash().attribute("problem", containsString("Code al gebruikt")));
	}

	@Test
	void aQueuedPageImageIsNotCachedAndADiscardSaysSo() throws Exception {
		given(replies.queuedImage(eq(PAGE), any())).willReturn(new byte[] { (byte) 0x89, 'P', 'N', 'G' });
		mvc.perform(get("/postroom/replies/pages/" + PAGE + "/image").with(as(POSTROOM)))
			.andExpect(status().isOk())
			.andExpect(content().contentType(MediaType.IMAGE_PNG))
			.andExpect(header().string("Cache-Control", "no-store"));
		mvc.perform(post("/postroom/replies/pages/" + PAGE + "/discard").with(as(POSTROOM)).with(csrf()))
			.andExpect(redirectedUrl("/postroom/replies"))
			.andExpect(flash().attribute("notice", "De pagina is weggegooid."));
		verify(replies).discard(eq(PAGE), any());
	}

	@Test
	void onlyThePostroomAndOnlyWithTheFormsToken() throws Exception {
		mvc.perform(get("/postroom/replies")).andExpect(redirectedUrl("/login"));
		mvc.perform(multipart("/postroom/replies").file(pdf()).with(as(POSTROOM))).andExpect(status().isForbidden());
		mvc.perform(post("/postroom/replies/pages/" + PAGE + "/discard").with(as(POSTROOM)))
			.andExpect(status().isForbidden());
		for (PostbrugUser user : allBut(Role.POSTROOM)) {
			mvc.perform(get("/postroom/replies").with(as(user))).andExpect(status().isForbidden());
			mvc.perform(multipart("/postroom/replies").file(pdf()).with(as(user)).with(csrf()))
				.andExpect(status().isForbidden());
			mvc.perform(get("/postroom/replies/pages/" + PAGE + "/image").with(as(user)))
				.andExpect(status().isForbidden());
			mvc.perform(post("/postroom/replies/pages/" + PAGE + "/discard").with(as(user)).with(csrf()))
				.andExpect(status().isForbidden());
		}
		verifyNoInteractions(replies);
	}

}
