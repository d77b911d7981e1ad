package nl.postbrug.screening.web;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import nl.postbrug.intake.Channel;
import nl.postbrug.intake.IllegalTransition;
import nl.postbrug.intake.MessageStatus;
import nl.postbrug.intake.MessageView;
import nl.postbrug.intake.Messages;
import nl.postbrug.registry.Facility;
import nl.postbrug.registry.PostbrugUser;
import nl.postbrug.registry.Registry;
import nl.postbrug.registry.Role;
import nl.postbrug.registry.security.PostbrugWebSecurity;
import nl.postbrug.screening.Review;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static nl.postbrug.screening.web.ReviewControllerTests.ID;
import static nl.postbrug.screening.web.ReviewControllerTests.item;
import static nl.postbrug.support.Users.allBut;
import static nl.postbrug.support.Users.as;
import static nl.postbrug.support.Users.staff;
import static nl.postbrug.support.Users.staffOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The review page's HTTP contract: screeners only, CSRF on the decision forms, message
 * text escaped with findings marked, photos only of messages in the screener's
 * facilities, and a refused decision back on the queue with its reason.
 */
@WebMvcTest(ReviewPage.class)
@PostbrugWebSecurity
class ReviewPageTests {

	static final Facility PIA = new Facility(1, "PIA", "PI Amsterdam", ZoneId.of("Europe/Amsterdam"), null);

	static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G' };

	@Autowired
	MockMvc mvc;

	@MockitoBean
	nl.postbrug.screening.ReplyScreening replyScreening;

	@MockitoBean
	nl.postbrug.delivery.Replies replyScans;

	@MockitoBean
	ReviewQueue queue;

	@MockitoBean
	Review review;

	@MockitoBean
	Registry registry;

	@MockitoBean
	Messages messages;

	@BeforeEach
	void onePrisonFacility() {
		given(registry.facilities()).willReturn(List.of(PIA));
	}

	private static MessageView inReview(long facility) {
		return new MessageView(ID, Channel.WEB, "anna@example.org", "Anna", 7L, 1L, facility, null, "text",
				MessageStatus.IN_REVIEW, null, java.time.Instant.parse("2026-12-01T08:00:00Z"), 1);
	}

	@Test
	void theQueueShowsTheTextEscapedWithItsFindingsMarked() throws Exception {
		ReviewQueue.Item risky = item();
		ReviewQueue.Item escaped = new ReviewQueue.Item(risky.id(), risky.kind(), risky.facility(), risky.prisoner(),
				risky.prisonerName(), risky.sender(), risky.receivedAt(), "<script>x</script> 0612345678",
				risky.photos(), risky.risk(), List.of(new nl.postbrug.screening.Finding("phone-number",
						nl.postbrug.screening.Finding.Severity.REVIEW, "A phone number", 19, 29)),
				null, null, List.of(), null);
		given(queue.itemsFor(any(), eq(ReviewQueue.Order.OLDEST))).willReturn(List.of(escaped));
		given(messages.count(MessageStatus.IN_REVIEW, PIA.id())).willReturn(1L);
		mvc.perform(get("/review").accept(MediaType.TEXT_HTML).with(as(staff(Role.SCREENER))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<h1>Beoordelen</h1>")))
			.andExpect(content().string(containsString("&lt;script&gt;x&lt;/script&gt;")))
			.andExpect(content().string(not(containsString("<script>x"))))
			.andExpect(content().string(containsString("<mark title=\"phone-number\">0612345678</mark>")))
			.andExpect(content().string(containsString("name=\"_csrf\"")));
	}

	@Test
	void aDecisionLeadsBackToTheQueueWithANotice() throws Exception {
		given(review.decide(any(), eq(ID), eq(Review.Decision.APPROVE), any())).willReturn(MessageStatus.APPROVED);
		mvc.perform(post("/review/{id}", ID).param("decision", "APPROVE").with(as(staff(Role.SCREENER))).with(csrf()))
			.andExpect(redirectedUrl("/review"))
			.andExpect(flash().attribute("notice", containsString("is goedgekeurd")));
	}

	@Test
	void aDecisionThatDoesNotFitIsTheReasonOnTheQueue() throws Exception {
		PostbrugUser screener = staff(Role.SCREENER);
		mvc.perform(post("/review/{id}", ID).param("decision", "MAYBE").with(as(screener)).with(csrf()))
			.andExpect(redirectedUrl("/review"))
			.andExpect(flash().attribute("problem", containsString("'MAYBE' is geen beslissing.")));
		mvc.perform(post("/review/{id}", ID).with(as(screener)).with(csrf()))
			.andExpect(flash().attribute("problem", containsString("De beslissing ontbreekt.")));
		given(review.decide(any(), eq(ID), eq(Review.Decision.REJECT), any()))
			.willThrow(new Review.InvalidDecision("review.invalid.needs-reason.REJECT", "REJECT needs a reason"));
		mvc.perform(post("/review/{id}", ID).param("decision", "REJECT").with(as(screener)).with(csrf()))
			.andExpect(flash().attribute("problem", "Schrijf bij een afwijzing een reden; de afzender leest die."));
		given(review.decide(any(), eq(ID), eq(Review.Decision.APPROVE), any()))
			.willThrow(new IllegalTransition(ID, MessageStatus.APPROVED, MessageStatus.APPROVED));
		mvc.perform(post("/review/{id}", ID).param("decision", "APPROVE").with(as(screener)).with(csrf()))
			.andExpect(flash().attribute("problem", containsString("kan daarom niet ‘Goedgekeurd’ worden")));
	}

	@Test
	void aMessageIdThatIsNotAUuidIsABadRequest() throws Exception {
		mvc.perform(post("/review/42").param("decision", "APPROVE").with(as(staff(Role.SCREENER))).with(csrf()))
			.andExpect(status().isBadRequest());
		verifyNoInteractions(review);
	}

	@Test
	void aPhotoIsServedAsStoredAndNeverCached() throws Exception {
		given(messages.find(ID)).willReturn(Optional.of(inReview(PIA.id())));
		given(messages.photos(ID)).willReturn(List.of(new MessageView.Photo("image/png", PNG)));
		mvc.perform(get("/review/{id}/photos/0", ID).with(as(staff(Role.SCREENER))))
			.andExpect(status().isOk())
			.andExpect(content().contentType(MediaType.IMAGE_PNG))
			.andExpect(content().bytes(PNG))
			.andExpect(header().string("Cache-Control", "no-store"))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"));
	}

	@Test
	void photosOutsideTheScreenersFacilitiesOrRangeAreNotFound() throws Exception {
		given(messages.find(ID)).willReturn(Optional.of(inReview(PIA.id())));
		given(messages.photos(ID)).willReturn(List.of(new MessageView.Photo("image/png", PNG)));
		mvc.perform(get("/review/{id}/photos/0", ID).accept(MediaType.TEXT_HTML)
			.with(as(staffOf(java.util.Set.of(2L), Role.SCREENER))))
			.andExpect(status().isNotFound())
			.andExpect(content()
				.string(containsString("Bericht " + ID + " bestaat niet of hoort niet bij uw inrichtingen.")));
		mvc.perform(get("/review/{id}/photos/1", ID).with(as(staff(Role.SCREENER)))).andExpect(status().isNotFound());
		mvc.perform(get("/review/{id}/photos/-1", ID).with(as(staff(Role.SCREENER)))).andExpect(status().isNotFound());
		given(messages.find(ReviewControllerTests.ID)).willReturn(Optional.empty());
		mvc.perform(get("/review/{id}/photos/0", ID).with(as(staff(Role.SCREENER)))).andExpect(status().isNotFound());
	}

	@Test
	void theDecisionFormNeedsItsCsrfToken() throws Exception {
		mvc.perform(post("/review/{id}", ID).param("decision", "APPROVE").with(as(staff(Role.SCREENER))))
			.andExpect(status().isForbidden());
		verifyNoInteractions(review);
	}

	@Test
	void withoutSignInThePageSendsToTheLoginForm() throws Exception {
		mvc.perform(get("/review")).andExpect(redirectedUrl("/login"));
		verifyNoInteractions(queue);
	}

	@Test
	void everyRoleButScreenerIsForbidden() throws Exception {
		for (PostbrugUser user : allBut(Role.SCREENER)) {
			mvc.perform(get("/review").with(as(user))).andExpect(status().isForbidden());
			mvc.perform(get("/review/{id}/photos/0", ID).with(as(user))).andExpect(status().isForbidden());
			mvc.perform(post("/review/{id}", ID).param("decision", "APPROVE").with(as(user)).with(csrf()))
				.andExpect(status().isForbidden());
		}
		verifyNoInteractions(queue, review, messages);
	}

}
