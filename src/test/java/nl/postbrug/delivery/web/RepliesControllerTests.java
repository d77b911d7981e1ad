package nl.postbrug.delivery.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import nl.postbrug.delivery.InvalidReplyCode;
import nl.postbrug.delivery.NoSuchReply;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static nl.postbrug.support.Problems.forbidden;
import static nl.postbrug.support.Problems.problem;
import static nl.postbrug.support.Problems.unauthorized;
import static nl.postbrug.support.Users.allBut;
import static nl.postbrug.support.Users.anna;
import static nl.postbrug.support.Users.as;
import static nl.postbrug.support.Users.staff;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Reply sheets over HTTP: the postroom uploads and settles them, the sender or a screener
 * downloads a reply; a missing or unreadable file, a bad code and someone else's reply
 * are problems, and every other role is refused.
 */
@WebMvcTest(RepliesController.class)
@PostbrugWebSecurity
class RepliesControllerTests {

	static final PostbrugUser POSTROOM = staff(Role.POSTROOM);

	static final UUID PAGE = UUID.fromString("0b6f6f39-1f5c-4a8e-9a58-3f0f4a2f6e01");

	@Autowired
	MockMvc mvc;

	@MockitoBean
	Replies replies;

	private static MockMultipartFile pdf() {
		return new MockMultipartFile("file", "replies.pdf", "application/pdf", "%PDF-1.7".getBytes());
	}

	private static MockHttpServletRequestBuilder settle(String body) {
		return post("/api/v1/replies/pages/" + PAGE).contentType(MediaType.APPLICATION_JSON).content(body);
	}

	@Test
	void anUploadAnswersWithWhatBecameOfEachPage() throws Exception {
		UUID message = UUID.randomUUID();
		given(replies.receive(any(), any(), eq(Replies.UPLOAD), eq(false)))
			.willReturn(List.of(new Replies.PageResult(1, "R-AAAAA-AAAAA-A", message, PageOutcome.RECEIVED, PAGE),
					new Replies.PageResult(2, null, null, PageOutcome.NO_CODE, null)));
		mvc.perform(multipart("/api/v1/replies").file(pdf()).with(as(POSTROOM)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.results[0].outcome").value("RECEIVED"))
			.andExpect(jsonPath("$.results[0].message").value(message.toString()))
			.andExpect(jsonPath("$.results[1].outcome").value("NO_CODE"));
		given(replies.queuedFor(any())).willReturn(List
			.of(new Replies.QueuedPage(PAGE, "NO_CODE", null, Instant.parse("2026-12-01T09:00:00Z"), "postroom")));
		mvc.perform(get("/api/v1/replies/pages").with(as(POSTROOM)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].id").value(PAGE.toString()));
	}

	@Test
	void aMissingOrUnreadableFileIsAProblemThatSaysWhatToSend() throws Exception {
		mvc.perform(multipart("/api/v1/replies").with(as(POSTROOM)))
			.andExpect(problem(400, "Scan niet begrepen", "Het bestand ontbreekt."));
		mvc.perform(multipart("/api/v1/replies")
			.file(new MockMultipartFile("file", "empty.pdf", "application/pdf", new byte[0]))
			.with(as(POSTROOM))).andExpect(problem(400, "Scan niet begrepen", "Het bestand ontbreekt."));
		given(replies.receive(any(), any(), any(), eq(false)))
			.willThrow(new ScannedPages.Refused("scan.not-a-scan", "not a scan"));
		mvc.perform(multipart("/api/v1/replies").file(pdf()).with(as(POSTROOM)))
			.andExpect(problem(400, "Scan niet gelezen", "Alleen een PDF, PNG of JPEG kan worden gelezen."))
			.andExpect(jsonPath("$.code").value("scan.not-a-scan"));
	}

	@Test
	void aTypedCodeThatIsNoReplyCodeIsAProblem() throws Exception {
		given(replies.settle(eq(PAGE), eq("nonsense"), eq(false), any())).willThrow(new InvalidReplyCode("nonsense"));
		mvc.perform(settle("{\"code\":\"nonsense\"}").with(as(POSTROOM))).andExpect(problem(400, "Geen antwoordcode"));
		mvc.perform(settle("{\"code\":").with(as(POSTROOM))).andExpect(status().isBadRequest());
		mvc.perform(post("/api/v1/replies/pages/not-a-uuid").contentType(MediaType.APPLICATION_JSON)
			.content("{\"code\":\"x\"}")
			.with(as(POSTROOM))).andExpect(status().isBadRequest());
	}

	@Test
	void aReplysPdfIsNotCachedAndSomeoneElsesReplyIsNotFound() throws Exception {
		UUID reply = UUID.randomUUID();
		given(replies.pdfFor(any(), eq(reply))).willReturn("%PDF-1.7".getBytes());
		mvc.perform(get("/api/v1/replies/" + reply + "/pdf").with(as(anna())))
			.andExpect(status().isOk())
			.andExpect(content().contentType(MediaType.APPLICATION_PDF))
			.andExpect(header().string("Cache-Control", "no-store"));
		UUID other = UUID.randomUUID();
		given(replies.pdfFor(any(), eq(other))).willThrow(new NoSuchReply(other));
		mvc.perform(get("/api/v1/replies/" + other + "/pdf").with(as(staff(Role.SCREENER))))
			.andExpect(problem(404, "Niet gevonden"));
	}

	@Test
	void onlyThePostroomHandlesSheetsAndOnlySendersAndScreenersDownload() throws Exception {
		mvc.perform(get("/api/v1/replies/pages")).andExpect(unauthorized());
		for (PostbrugUser user : allBut(Role.POSTROOM)) {
			mvc.perform(multipart("/api/v1/replies").file(pdf()).with(as(user))).andExpect(forbidden());
			mvc.perform(get("/api/v1/replies/pages").with(as(user))).andExpect(forbidden());
			mvc.perform(settle("{\"code\":\"R-AAAAA-AAAAA-A\"}").with(as(user))).andExpect(forbidden());
		}
		for (PostbrugUser user : allBut(Role.SENDER, Role.SCREENER)) {
			mvc.perform(get("/api/v1/replies/" + PAGE + "/pdf").with(as(user))).andExpect(forbidden());
		}
		verifyNoInteractions(replies);
	}

}
