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
import nl.postbrug.support.Users;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static nl.postbrug.support.Users.allBut;
import static nl.postbrug.support.Users.anna;
import static nl.postbrug.support.Users.as;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The request pages: a relative asks and sees only her own requests; only facility
 * administrators open the staff list and decide, and a request they may not decide is
 * answered like a missing one.
 */
@WebMvcTest(ApprovalPages.class)
@PostbrugWebSecurity
class ApprovalPagesTests {

	static final UUID ID = UUID.fromString("5b7c6d1e-0000-4000-8000-000000000001");

	@Autowired
	MockMvc mvc;

	@MockitoBean
	ApprovalRequests requests;

	@Test
	void aRelativeSeesHerRequestsAndARefusedFormKeepsWhatWasTyped() throws Exception {
		given(requests.mine(Users.ANNA_CONTACT)).willReturn(List.of(new ApprovalRequests.MyRequest(ID, "1000000004",
				"zus", null, ApprovalRequests.Status.PENDING, null, Instant.parse("2026-12-01T08:00:00Z"), null)));
		mvc.perform(get("/approvals").with(as(anna())))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("1000000004"), containsString("In behandeling"))));
		given(requests.request(eq(Users.ANNA_CONTACT), eq("1000000001"), eq(""), any()))
			.willThrow(new AccountRefused("relationship", "relationship-missing"));
		mvc.perform(post("/approvals").param("prisoner", "1000000001")
			.param("relationship", "")
			.with(as(anna()))
			.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(allOf(containsString("value=\"1000000001\""),
					containsString("id=\"relationship-error\""), containsString("href=\"#relationship\""))));
	}

	@Test
	void anAdministratorApprovesAndRefusesOnlyWhatSheMayDecide() throws Exception {
		PostbrugUser admin = Users.staff(Role.FACILITY_ADMIN);
		given(requests.pending(any())).willReturn(List.of(new ApprovalRequests.Pending(ID, "Sanne Bakker",
				"sanne@family.example", true, new Prisoner(4, "1000000004", "Mehmet Yılmaz", 1, "PIA", "PI Amsterdam",
						"C", "C-2.15", PrisonerStatus.ACTIVE),
				"zus", "<b>hoi</b>", Instant.parse("2026-12-01T08:00:00Z"))));
		mvc.perform(get("/staff/approvals").with(as(admin)))
			.andExpect(status().isOk())
			.andExpect(
					content().string(allOf(containsString("Sanne Bakker wil schrijven aan Mehmet Yılmaz (1000000004)"),
							containsString("&lt;b&gt;hoi&lt;/b&gt;"), containsString("name=\"_csrf\""))));
		given(requests.decide(eq(ID), any(), eq(ApprovalRequests.Decision.APPROVE), any()))
			.willReturn(ApprovalRequests.Status.APPROVED);
		mvc.perform(post("/staff/approvals/" + ID).param("decision", "APPROVE").with(as(admin)).with(csrf()))
			.andExpect(redirectedUrl("/staff/approvals"))
			.andExpect(flash().attribute("notice", "De aanvraag is goedgekeurd; de aanvrager krijgt bericht."));
		given(requests.decide(eq(ID), any(), eq(ApprovalRequests.Decision.REFUSE), any()))
			.willThrow(new NoSuchApprovalRequest(ID));
		mvc.perform(post("/staff/approvals/" + ID).param("decision", "REFUSE")
			.param("reason", "nee")
			.with(as(admin))
			.with(csrf()))
			.andExpect(flash().attribute("problem",
					"Er is geen openstaande aanvraag met dit kenmerk die u kunt beoordelen."));
	}

	@Test
	void onlyAdministratorsOpenTheStaffListAndOnlyRelativesAsk() throws Exception {
		for (PostbrugUser user : allBut(Role.FACILITY_ADMIN)) {
			mvc.perform(get("/staff/approvals").with(as(user))).andExpect(status().isForbidden());
			mvc.perform(post("/staff/approvals/" + ID).param("decision", "APPROVE").with(as(user)).with(csrf()))
				.andExpect(status().isForbidden());
		}
		for (PostbrugUser user : allBut(Role.SENDER)) {
			mvc.perform(post("/approvals").param("prisoner", "1").with(as(user)).with(csrf()))
				.andExpect(status().isForbidden());
		}
		mvc.perform(
				post("/staff/approvals/" + ID).param("decision", "APPROVE").with(as(Users.staff(Role.FACILITY_ADMIN))))
			.andExpect(status().isForbidden());
		verifyNoInteractions(requests);
	}

}
