package nl.postbrug.registry.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import nl.postbrug.registry.AccountRefused;
import nl.postbrug.registry.ApprovalRequests;
import nl.postbrug.registry.NoSuchApprovalRequest;
import nl.postbrug.registry.PostbrugUser;
import nl.postbrug.registry.Prisoner;
import nl.postbrug.registry.PrisonerStatus;
import nl.postbrug.registry.Role;
import nl.postbrug.registry.security.PostbrugWebSecurity;
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
import static nl.postbrug.support.Users.ANNA_CONTACT;
import static nl.postbrug.support.Users.allBut;
import static nl.postbrug.support.Users.anna;
import static nl.postbrug.support.Users.as;
import static nl.postbrug.support.Users.staff;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Requests to write to a prisoner over HTTP: relatives ask and follow their own, facility
 * administrators list and decide; every other role is refused, and a bad decision or an
 * unknown request is a problem.
 */
@WebMvcTest(ApprovalRequestsController.class)
@PostbrugWebSecurity
class ApprovalRequestsControllerTests {

	static final PostbrugUser ADMIN = staff(Role.FACILITY_ADMIN);

	static final UUID ID = UUID.fromString("7d1c1c52-5b0e-4c43-9b89-0c8f3b0e2a11");

	@Autowired
	MockMvc mvc;

	@MockitoBean
	ApprovalRequests requests;

	private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
		return request.contentType(MediaType.APPLICATION_JSON).content(body);
	}

	@Test
	void aRelativeAsksAndLearnsOnlyTheRequestsIdAndStatus() throws Exception {
		given(requests.request(ANNA_CONTACT, "1000000001", "moeder", null))
			.willReturn(new ApprovalRequests.MyRequest(ID, "1000000001", "moeder", null,
					ApprovalRequests.Status.PENDING, null, Instant.parse("2026-12-01T09:00:00Z"), null));
		mvc.perform(
				json(post("/api/v1/me/approval-requests"), "{\"prisoner\":\"1000000001\",\"relationship\":\"moeder\"}")
					.with(as(anna())))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.id").value(ID.toString()))
			.andExpect(jsonPath("$.status").value("PENDING"))
			.andExpect(jsonPath("$.prisoner").doesNotExist());
		given(requests.mine(ANNA_CONTACT)).willReturn(List.of());
		mvc.perform(get("/api/v1/me/approval-requests").with(as(anna()))).andExpect(status().isOk());
	}

	@Test
	void anAdministratorListsThePendingRequestsAndDecides() throws Exception {
		given(requests.pending(any())).willReturn(List.of(new ApprovalRequests.Pending(
				ID, "Anna de Vries", "anna@example.org", true, new Prisoner(1, "1000000001", "Jan de Vries", 1, "PIA",
						"PI Amsterdam", "B", "B-2.01", PrisonerStatus.ACTIVE),
				"moeder", null, Instant.parse("2026-12-01T09:00:00Z"))));
		mvc.perform(get("/api/v1/approval-requests").with(as(ADMIN)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].prisoner").value("1000000001"))
			.andExpect(jsonPath("$[0].facility").value("PIA"))
			.andExpect(jsonPath("$[0].contactEmail").value("anna@example.org"));
		given(requests.decide(eq(ID), any(), eq(ApprovalRequests.Decision.REFUSE), eq("onbekend")))
			.willReturn(ApprovalRequests.Status.REFUSED);
		mvc.perform(json(post("/api/v1/approval-requests/" + ID), "{\"decision\":\"REFUSE\",\"reason\":\"onbekend\"}")
			.with(as(ADMIN))).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("REFUSED"));
	}

	@Test
	void aDecisionOtherThanApproveOrRefuseIsAProblemAtItsField() throws Exception {
		for (String body : List.of("{\"decision\":\"MAYBE\"}", "{}", "{\"decision\":\"approve\"}")) {
			mvc.perform(json(post("/api/v1/approval-requests/" + ID), body).with(as(ADMIN)))
				.andExpect(problem(400, "Gegevens niet aangenomen", "Kies goedkeuren (APPROVE) of weigeren (REFUSE)."))
				.andExpect(jsonPath("$.errors.decision").exists());
		}
		verifyNoInteractions(requests);
	}

	@Test
	void whatTheRegistryRefusesBecomesAProblem() throws Exception {
		given(requests.decide(eq(ID), any(), any(), any())).willThrow(new NoSuchApprovalRequest(ID));
		mvc.perform(json(post("/api/v1/approval-requests/" + ID), "{\"decision\":\"APPROVE\"}").with(as(ADMIN)))
			.andExpect(problem(404, "Aanvraag niet gevonden"));
		given(requests.request(ANNA_CONTACT, "", "moeder", null))
			.willThrow(new AccountRefused("prisoner", "prisoner-missing"));
		mvc.perform(json(post("/api/v1/me/approval-requests"), "{\"prisoner\":\"\",\"relationship\":\"moeder\"}")
			.with(as(anna())))
			.andExpect(problem(400, "Gegevens niet aangenomen", "Vul het registratienummer van de gedetineerde in."));
		mvc.perform(json(post("/api/v1/approval-requests/not-a-uuid"), "{\"decision\":\"APPROVE\"}").with(as(ADMIN)))
			.andExpect(status().isBadRequest());
		mvc.perform(json(post("/api/v1/me/approval-requests"), "{\"prisoner\":").with(as(anna())))
			.andExpect(problem(400, "Gegevens niet aangenomen"));
	}

	@Test
	void onlyRelativesAskAndOnlyFacilityAdministratorsDecide() throws Exception {
		mvc.perform(get("/api/v1/me/approval-requests")).andExpect(unauthorized());
		mvc.perform(get("/api/v1/approval-requests")).andExpect(unauthorized());
		for (PostbrugUser user : allBut(Role.SENDER)) {
			mvc.perform(get("/api/v1/me/approval-requests").with(as(user))).andExpect(forbidden());
			mvc.perform(json(post("/api/v1/me/approval-requests"), "{\"prisoner\":\"1000000001\"}").with(as(user)))
				.andExpect(forbidden());
		}
		for (PostbrugUser user : allBut(Role.FACILITY_ADMIN)) {
			mvc.perform(get("/api/v1/approval-requests").with(as(user))).andExpect(forbidden());
			mvc.perform(json(post("/api/v1/approval-requests/" + ID), "{\"decision\":\"APPROVE\"}").with(as(user)))
				.andExpect(forbidden());
		}
		verifyNoInteractions(requests);
	}

}
