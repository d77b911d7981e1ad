package nl.postbrug.screening.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import nl.postbrug.intake.IllegalTransition;
import nl.postbrug.intake.MessageStatus;
import nl.postbrug.registry.OutOfScope;
import nl.postbrug.registry.PostbrugUser;
import nl.postbrug.registry.Role;
import nl.postbrug.registry.security.PostbrugWebSecurity;
import nl.postbrug.screening.Finding;
import nl.postbrug.screening.Review;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static nl.postbrug.support.Problems.forbidden;
import static nl.postbrug.support.Problems.problem;
import static nl.postbrug.support.Problems.unauthorized;
import static nl.postbrug.support.Users.allBut;
import static nl.postbrug.support.Users.as;
import static nl.postbrug.support.Users.staff;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The review API's HTTP contract: screeners only, and every decision that does not fit
 * answered with a problem document that says why.
 */
@WebMvcTest(ReviewController.class)
@PostbrugWebSecurity
class ReviewControllerTests {

	static final UUID ID = UUID.fromString("6f1c1a8e-0000-4000-8000-000000000001");

	@Autowired
	MockMvc mvc;

	@MockitoBean
	nl.postbrug.screening.ReplyScreening replyScreening;

	@MockitoBean
	ReviewQueue queue;

	@MockitoBean
	Review review;

	static ReviewQueue.Item item() {
		return new ReviewQueue.Item(ID, "MESSAGE", "PIA", "1000000001", "Jan de Vries",
				"Anna de Vries <anna@example.org>", Instant.parse("2026-12-01T08:00:00Z"), "Bel me op 0612345678", 0,
				10, List.of(new Finding("phone-number", Finding.Severity.REVIEW, "A phone number", 10, 20)), null, 0.82,
				List.of("signal-pass-on", "bel"), new ReviewQueue.Span(0, 20));
	}

	private static MockHttpServletRequestBuilder decide(UUID id, String json) {
		return post("/api/v1/review/" + id).contentType(MediaType.APPLICATION_JSON).content(json);
	}

	@Test
	void aScreenerGetsTheQueueWithFindings() throws Exception {
		given(queue.itemsFor(any(), eq(ReviewQueue.Order.OLDEST))).willReturn(List.of(item()));
		mvc.perform(get("/api/v1/review").with(as(staff(Role.SCREENER))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].id").value(ID.toString()))
			.andExpect(jsonPath("$[0].findings[0].ruleId").value("phone-number"))
			.andExpect(jsonPath("$[0].findings[0].start").value(10))
			.andExpect(jsonPath("$[0].score").value(0.82))
			.andExpect(jsonPath("$[0].reasons[0]").value("signal-pass-on"))
			.andExpect(jsonPath("$[0].reasons[1]").value("bel"))
			.andExpect(jsonPath("$[0].sentence.end").value(20));
	}

	@Test
	void theQueueCanBeOrderedByRiskAndAnyOtherOrderIsOldestFirst() throws Exception {
		mvc.perform(get("/api/v1/review").param("order", "risk").with(as(staff(Role.SCREENER))))
			.andExpect(status().isOk());
		verify(queue).itemsFor(any(), eq(ReviewQueue.Order.RISK));
		mvc.perform(get("/api/v1/review").param("order", "<script>").with(as(staff(Role.SCREENER))))
			.andExpect(status().isOk());
		verify(queue).itemsFor(any(), eq(ReviewQueue.Order.OLDEST));
	}

	@Test
	void aDecisionAnswersTheNewStatus() throws Exception {
		given(review.decide(any(), eq(ID), eq(Review.Decision.REJECT), eq("CONTACT_DETAILS")))
			.willReturn(MessageStatus.REJECTED);
		mvc.perform(
				decide(ID, "{\"decision\":\"reject\",\"reason\":\"CONTACT_DETAILS\"}").with(as(staff(Role.SCREENER))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.id").value(ID.toString()))
			.andExpect(jsonPath("$.status").value("REJECTED"));
	}

	@Test
	void anUnknownOrMissingDecisionIsABadRequest() throws Exception {
		mvc.perform(
				decide(ID, "{\"decision\":\"MAYBE\"}").with(as(staff(Role.SCREENER))).header("Accept-Language", "en"))
			.andExpect(problem(400, "Decision not accepted",
					"'MAYBE' is not a decision. Choose APPROVE, REJECT or WITHHOLD."));
		mvc.perform(decide(ID, "{\"reason\":\"no decision\"}").with(as(staff(Role.SCREENER))))
			.andExpect(problem(400, "Beslissing niet aangenomen", "De beslissing ontbreekt."));
		verifyNoInteractions(review);
	}

	@Test
	void aDecisionTheReviewRefusesSaysWhy() throws Exception {
		given(review.decide(any(), eq(ID), eq(Review.Decision.REJECT), any()))
			.willThrow(new Review.InvalidDecision("review.invalid.needs-reason.REJECT", "REJECT needs a reason"));
		mvc.perform(decide(ID, "{\"decision\":\"REJECT\"}").with(as(staff(Role.SCREENER))))
			.andExpect(problem(400, "Beslissing niet aangenomen", "Schrijf bij een afwijzing een reden"));
	}

	@Test
	void aMessageOutsideTheScreenersFacilitiesIsNotFound() throws Exception {
		given(review.decide(any(), eq(ID), any(), any())).willThrow(new OutOfScope(OutOfScope.Kind.MESSAGE, ID));
		mvc.perform(
				decide(ID, "{\"decision\":\"APPROVE\"}").with(as(staff(Role.SCREENER))).header("Accept-Language", "en"))
			.andExpect(problem(404, "No such message", "in your facilities"));
	}

	@Test
	void aMessageNoLongerInReviewIsAConflict() throws Exception {
		given(review.decide(any(), eq(ID), any(), any()))
			.willThrow(new IllegalTransition(ID, MessageStatus.APPROVED, MessageStatus.APPROVED));
		mvc.perform(decide(ID, "{\"decision\":\"APPROVE\"}").with(as(staff(Role.SCREENER))))
			.andExpect(problem(409, "Bericht wacht niet op beoordeling", "kan daarom niet ‘Goedgekeurd’ worden"));
	}

	@Test
	void malformedBodiesAndIdsAreBadRequests() throws Exception {
		mvc.perform(decide(ID, "decision=APPROVE").with(as(staff(Role.SCREENER))))
			.andExpect(problem(400, "Gegevens niet aangenomen"));
		mvc.perform(decide(ID, "{\"decision\":").with(as(staff(Role.SCREENER))))
			.andExpect(problem(400, "Gegevens niet aangenomen"));
		mvc.perform(post("/api/v1/review/" + ID).contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.content("decision=APPROVE")
			.with(as(staff(Role.SCREENER)))).andExpect(problem(415, "Soort inhoud niet ondersteund"));
		mvc.perform(post("/api/v1/review/not-a-uuid").contentType(MediaType.APPLICATION_JSON)
			.content("{\"decision\":\"APPROVE\"}")
			.with(as(staff(Role.SCREENER)))).andExpect(problem(400, "Gegevens niet aangenomen"));
		verifyNoInteractions(review);
	}

	@Test
	void withoutCredentialsTheAnswerIs401() throws Exception {
		mvc.perform(get("/api/v1/review")).andExpect(unauthorized());
		mvc.perform(decide(ID, "{\"decision\":\"APPROVE\"}")).andExpect(unauthorized());
		verifyNoInteractions(queue, review);
	}

	@Test
	void everyRoleButScreenerIsForbidden() throws Exception {
		for (PostbrugUser user : allBut(Role.SCREENER)) {
			mvc.perform(get("/api/v1/review").with(as(user))).andExpect(forbidden());
			mvc.perform(decide(ID, "{\"decision\":\"APPROVE\"}").with(as(user))).andExpect(forbidden());
		}
		verifyNoInteractions(queue, review);
	}

}
