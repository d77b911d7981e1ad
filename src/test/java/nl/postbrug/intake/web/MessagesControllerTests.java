package nl.postbrug.intake.web;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import nl.postbrug.intake.Channel;
import nl.postbrug.intake.ContactNotApproved;
import nl.postbrug.intake.InvalidMessage;
import nl.postbrug.intake.MessageIntake;
import nl.postbrug.intake.MessageStatus;
import nl.postbrug.intake.MessageView;
import nl.postbrug.intake.Messages;
import nl.postbrug.intake.NoSuchMessage;
import nl.postbrug.intake.Reason;
import nl.postbrug.intake.ReasonTexts;
import nl.postbrug.intake.Receipt;
import nl.postbrug.intake.UnknownPrisoner;
import nl.postbrug.registry.PostbrugUser;
import nl.postbrug.registry.Role;
import nl.postbrug.registry.security.PostbrugWebSecurity;
import nl.postbrug.support.Users;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static nl.postbrug.support.Problems.forbidden;
import static nl.postbrug.support.Problems.problem;
import static nl.postbrug.support.Problems.problemWithDetail;
import static nl.postbrug.support.Problems.unauthorized;
import static nl.postbrug.support.Users.allBut;
import static nl.postbrug.support.Users.anna;
import static nl.postbrug.support.Users.as;
import static nl.postbrug.support.Users.staffOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The messages API's HTTP contract: who may send and read, what reaches intake from a
 * multipart request, and each refusal of intake as a problem document carrying intake's
 * reason.
 */
@WebMvcTest(MessagesController.class)
@PostbrugWebSecurity
@Import(ReasonTexts.class)
class MessagesControllerTests {

	static final UUID ID = UUID.fromString("0b7c6d1e-0000-4000-8000-000000000002");

	@Autowired
	MockMvc mvc;

	@MockitoBean
	MessageIntake intake;

	@MockitoBean
	LetterPreview preview;

	@MockitoBean
	Messages messages;

	static MessageView message(Long contactId, Long facilityId) {
		return new MessageView(ID, Channel.WEB, "anna@example.org", "Anna", contactId, 1L, facilityId, null, "Hallo",
				MessageStatus.REJECTED, Reason.of("screener.listed", "CONTACT_DETAILS"),
				Instant.parse("2026-12-01T08:00:00Z"), 0);
	}

	@Test
	void aRelativesMessageIsAcceptedWithItsIdAndStatus() throws Exception {
		given(intake.submit(any(), eq("1000000001"), eq("Hallo"), anyList(), eq("k-1"), any()))
			.willReturn(new Receipt(ID, MessageStatus.RECEIVED, false));
		mvc.perform(multipart("/api/v1/messages").param("prisoner", "1000000001")
			.param("text", "Hallo")
			.header("Idempotency-Key", "k-1")
			.with(as(anna())))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.id").value(ID.toString()))
			.andExpect(jsonPath("$.status").value("RECEIVED"));
	}

	@Test
	void photosReachIntakeWithTheirNamesAndBytes() throws Exception {
		given(intake.submit(any(), any(), any(), anyList(), isNull(), any()))
			.willReturn(new Receipt(ID, MessageStatus.RECEIVED, false));
		mvc.perform(multipart("/api/v1/messages")
			.file(new MockMultipartFile("photos", "garden.jpg", "image/jpeg", new byte[] { 1, 2, 3 }))
			.file(new MockMultipartFile("photos", "cat.png", "image/png", new byte[] { 4 }))
			.param("prisoner", "1000000001")
			.param("text", "Zie foto")
			.with(as(anna()))).andExpect(status().isAccepted());
		@SuppressWarnings("unchecked")
		ArgumentCaptor<List<MessageIntake.Upload>> uploads = ArgumentCaptor.forClass(List.class);
		verify(intake).submit(any(), eq("1000000001"), eq("Zie foto"), uploads.capture(), isNull(), any());
		assertThat(uploads.getValue()).extracting(MessageIntake.Upload::name).containsExactly("garden.jpg", "cat.png");
		assertThat(uploads.getValue().get(0).bytes()).containsExactly(1, 2, 3);
	}

	@Test
	void whatIntakeRefusesIsABadRequestWithIntakesReason() throws Exception {
		given(intake.submit(any(), any(), any(), anyList(), any(), any()))
			.willThrow(new InvalidMessage("The message text is empty; write something to send"));
		mvc.perform(multipart("/api/v1/messages").param("prisoner", "1000000001").with(as(anna())))
			.andExpect(problemWithDetail(400, "The message text is empty; write something to send"));
	}

	@Test
	void anUnknownPrisonerIsAnsweredExactlyLikeOneTheSenderIsNotApprovedFor() throws Exception {
		given(intake.submit(any(), eq("9999999999"), any(), anyList(), any(), any()))
			.willThrow(new UnknownPrisoner("9999999999"));
		given(intake.submit(any(), eq("1000000003"), any(), anyList(), any(), any()))
			.willThrow(new ContactNotApproved("1000000003"));
		String unknown = mvc.perform(
				multipart("/api/v1/messages").param("prisoner", "9999999999").param("text", "Hallo").with(as(anna())))
			.andExpect(problemWithDetail(403,
					"U kunt (nog) niet schrijven aan registratienummer 9999999999. Vraag de inrichting eerst om u als contactpersoon goed te keuren."))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String unapproved = mvc.perform(
				multipart("/api/v1/messages").param("prisoner", "1000000003").param("text", "Hallo").with(as(anna())))
			.andExpect(status().isForbidden())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(unknown.replace("9999999999", "N")).isEqualTo(unapproved.replace("1000000003", "N"));
	}

	@Test
	void problemDetailsAreInTheRequestsLanguage() throws Exception {
		given(intake.submit(any(), eq("1000000003"), any(), anyList(), any(), any()))
			.willThrow(new ContactNotApproved("1000000003"));
		mvc.perform(multipart("/api/v1/messages").param("prisoner", "1000000003")
			.param("text", "Hallo")
			.header("Accept-Language", "en-GB,en;q=0.9")
			.with(as(anna())))
			.andExpect(problem(403, "Not an approved contact", "You cannot write to registry number 1000000003 yet"));
		mvc.perform(multipart("/api/v1/messages").param("prisoner", "1000000003")
			.param("text", "Hallo")
			.param("lang", "en")
			.with(as(anna()))).andExpect(problem(403, "Not an approved contact"));
		mvc.perform(
				multipart("/api/v1/messages").param("prisoner", "1000000003").param("text", "Hallo").with(as(anna())))
			.andExpect(problem(403, "Geen goedgekeurde contactpersoon"));
		given(intake.submit(any(), eq("1000000001"), any(), anyList(), any(), any()))
			.willThrow(new InvalidMessage(Reason.of("invalid.too-long", 20001, 20000)));
		mvc.perform(multipart("/api/v1/messages").param("prisoner", "1000000001").param("text", "x").with(as(anna())))
			.andExpect(problem(400, "Bericht niet aangenomen", "Het bericht telt 20001 tekens; het maximum is 20000."));
		mvc.perform(multipart("/api/v1/messages").param("prisoner", "1000000001")
			.param("text", "x")
			.header("Accept-Language", "en")
			.with(as(anna())))
			.andExpect(
					problem(400, "Message not accepted", "The message text is 20001 characters; the limit is 20000."));
	}

	@Test
	void aMessageMustBeSentAsMultipart() throws Exception {
		mvc.perform(post("/api/v1/messages").contentType(MediaType.APPLICATION_JSON)
			.content("{\"prisoner\":\"1000000001\",\"text\":\"Hallo\"}")
			.with(as(anna()))).andExpect(problem(415, "Soort inhoud niet ondersteund"));
		verifyNoInteractions(intake);
	}

	@Test
	void aRelativeSeesHerOwnMessagesWithTheirHistory() throws Exception {
		given(messages.sentBy(Users.ANNA_CONTACT, 200)).willReturn(List.of(message(Users.ANNA_CONTACT, 1L)));
		given(messages.history(ID)).willReturn(List.of(
				new MessageView.Change(Instant.parse("2026-12-01T08:00:00Z"), MessageStatus.RECEIVED,
						Reason.of("history.received.web")),
				new MessageView.Change(Instant.parse("2026-12-01T08:01:00Z"), MessageStatus.REJECTED,
						Reason.of("screener.listed", "CONTACT_DETAILS"))));
		mvc.perform(get("/api/v1/messages").with(as(anna())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].id").value(ID.toString()))
			.andExpect(jsonPath("$[0].status").value("REJECTED"))
			.andExpect(jsonPath("$[0].reason")
				.value("Telefoonnummers, adressen, links en rekeningnummers worden niet doorgegeven."))
			.andExpect(jsonPath("$[0].events[0].detail").value("Ontvangen via de website."))
			.andExpect(jsonPath("$[0].events.length()").value(2))
			.andExpect(jsonPath("$[0].events[1].status").value("REJECTED"));
	}

	@Test
	void oneMessageIsShownToItsSenderAndToStaffOfItsFacility() throws Exception {
		given(messages.get(ID)).willReturn(message(Users.ANNA_CONTACT, 1L));
		mvc.perform(get("/api/v1/messages/" + ID).with(as(anna())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("REJECTED"));
		mvc.perform(get("/api/v1/messages/" + ID).with(as(staffOf(Set.of(1L), Role.POSTROOM))))
			.andExpect(status().isOk());
	}

	@Test
	void anotherSendersOrAnotherFacilitysMessageIsAnsweredLikeAMissingOne() throws Exception {
		given(messages.get(ID)).willReturn(message(99L, 1L));
		mvc.perform(get("/api/v1/messages/" + ID).with(as(anna())))
			.andExpect(problemWithDetail(404, "Er is geen bericht met kenmerk " + ID + "."));
		mvc.perform(get("/api/v1/messages/" + ID).with(as(staffOf(Set.of(2L), Role.POSTROOM))))
			.andExpect(problemWithDetail(404, "Er is geen bericht met kenmerk " + ID + "."));
		UUID unknown = UUID.randomUUID();
		given(messages.get(unknown)).willThrow(new NoSuchMessage(unknown));
		mvc.perform(get("/api/v1/messages/" + unknown).with(as(anna())))
			.andExpect(problemWithDetail(404, "Er is geen bericht met kenmerk " + unknown + "."));
	}

	@Test
	void aMessageIdThatIsNotAUuidIsABadRequest() throws Exception {
		mvc.perform(get("/api/v1/messages/not-a-uuid").with(as(anna())))
			.andExpect(problem(400, "Gegevens niet aangenomen"));
		verifyNoInteractions(messages);
	}

	@Test
	void withoutCredentialsTheAnswerIs401() throws Exception {
		mvc.perform(get("/api/v1/messages")).andExpect(unauthorized());
		mvc.perform(get("/api/v1/messages/" + ID)).andExpect(unauthorized());
		mvc.perform(multipart("/api/v1/messages").param("prisoner", "1000000001").param("text", "Hallo"))
			.andExpect(unauthorized());
		verifyNoInteractions(intake, messages);
	}

	@Test
	void staffCannotSendOrListAsARelative() throws Exception {
		for (PostbrugUser user : allBut(Role.SENDER)) {
			mvc.perform(
					multipart("/api/v1/messages").param("prisoner", "1000000001").param("text", "Hallo").with(as(user)))
				.andExpect(forbidden());
			mvc.perform(get("/api/v1/messages").with(as(user))).andExpect(forbidden());
		}
		verifyNoInteractions(intake, messages);
	}

}
