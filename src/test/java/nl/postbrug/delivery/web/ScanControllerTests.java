package nl.postbrug.delivery.web;

import java.util.List;
import java.util.UUID;

import nl.postbrug.delivery.Delivery;
import nl.postbrug.delivery.ScanOutcome;
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
import static nl.postbrug.support.Users.allBut;
import static nl.postbrug.support.Users.as;
import static nl.postbrug.support.Users.staff;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The scan API's HTTP contract: roles, and every shape of bad request body. */
@WebMvcTest(ScanController.class)
@PostbrugWebSecurity
class ScanControllerTests {

	static final Prisoner JAN = new Prisoner(1, "1000000001", "Jan de Vries", 1, "PIA", "PI Amsterdam", "B", "B-2.01",
			PrisonerStatus.ACTIVE);

	@Autowired
	MockMvc mvc;

	@MockitoBean
	Delivery delivery;

	private static MockHttpServletRequestBuilder scan(String json) {
		return post("/api/v1/scans").contentType(MediaType.APPLICATION_JSON).content(json);
	}

	@Test
	void aDeliveredLetterNamesThePrisonerToHandItTo() throws Exception {
		UUID message = UUID.randomUUID();
		given(delivery.scan(eq("PB-AAAAA-AAAAA-A"), any()))
			.willReturn(new Delivery.Scan(ScanOutcome.DELIVERED, 11L, message, JAN));
		mvc.perform(scan("{\"code\":\"PB-AAAAA-AAAAA-A\"}").with(as(staff(Role.POSTROOM))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.outcome").value("DELIVERED"))
			.andExpect(jsonPath("$.letter").value(11))
			.andExpect(jsonPath("$.message").value(message.toString()))
			.andExpect(jsonPath("$.prisoner.number").value("1000000001"))
			.andExpect(jsonPath("$.prisoner.name").value("Jan de Vries"))
			.andExpect(jsonPath("$.prisoner.unit").value("B"))
			.andExpect(jsonPath("$.prisoner.cell").value("B-2.01"));
	}

	@Test
	void aSecondScanSaysWhenAndByWhomAndAForwardNamesTheNewFacility() throws Exception {
		UUID message = UUID.randomUUID();
		given(delivery.scan(eq("PB-AAAAA-AAAAA-A"), any()))
			.willReturn(new Delivery.Scan(ScanOutcome.ALREADY_DELIVERED, 11L, message, JAN,
					java.time.ZonedDateTime.parse("2026-12-01T10:15:00+01:00[Europe/Amsterdam]"), "postroom", null));
		mvc.perform(scan("{\"code\":\"PB-AAAAA-AAAAA-A\"}").with(as(staff(Role.POSTROOM))))
			.andExpect(jsonPath("$.outcome").value("ALREADY_DELIVERED"))
			.andExpect(jsonPath("$.deliveredAt").value("2026-12-01T09:15:00Z"))
			.andExpect(jsonPath("$.deliveredBy").value("postroom"));
		given(delivery.scan(eq("PB-BBBBB-BBBBB-B"), any()))
			.willReturn(new Delivery.Scan(ScanOutcome.FORWARD, 12L, message, JAN, null, null, "PIV"));
		mvc.perform(scan("{\"code\":\"PB-BBBBB-BBBBB-B\"}").with(as(staff(Role.POSTROOM))))
			.andExpect(jsonPath("$.outcome").value("FORWARD"))
			.andExpect(jsonPath("$.forwardedTo").value("PIV"));
	}

	@Test
	void anUnknownCodeIsAnAnswerWithoutPrisoner() throws Exception {
		given(delivery.scan(eq("PB-00000-00000-0"), any()))
			.willReturn(new Delivery.Scan(ScanOutcome.UNKNOWN_CODE, null, null, null));
		mvc.perform(scan("{\"code\":\"PB-00000-00000-0\"}").with(as(staff(Role.POSTROOM))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.outcome").value("UNKNOWN_CODE"))
			.andExpect(jsonPath("$.prisoner").doesNotExist());
	}

	@Test
	void aMissingOrBlankCodeIsABadRequestThatSaysWhatToSend() throws Exception {
		for (String body : List.of("{}", "{\"code\":null}", "{\"code\":\"  \"}")) {
			mvc.perform(scan(body).with(as(staff(Role.POSTROOM))))
				.andExpect(problem(400, "Scan niet begrepen", "De code ontbreekt."));
		}
		verifyNoInteractions(delivery);
	}

	@Test
	void malformedJsonIsABadRequest() throws Exception {
		mvc.perform(scan("{\"code\":").with(as(staff(Role.POSTROOM))))
			.andExpect(problem(400, "Gegevens niet aangenomen"));
		mvc.perform(scan("code=PB-1").with(as(staff(Role.POSTROOM))))
			.andExpect(problem(400, "Gegevens niet aangenomen"));
		verifyNoInteractions(delivery);
	}

	@Test
	void aBodyThatIsNotJsonIsRefused() throws Exception {
		mvc.perform(post("/api/v1/scans").contentType(MediaType.TEXT_PLAIN)
			.content("PB-AAAAA-AAAAA-A")
			.with(as(staff(Role.POSTROOM)))).andExpect(problem(415, "Soort inhoud niet ondersteund"));
		mvc.perform(post("/api/v1/scans").with(as(staff(Role.POSTROOM)))).andExpect(status().is4xxClientError());
		verifyNoInteractions(delivery);
	}

	@Test
	void withoutCredentialsTheAnswerIs401() throws Exception {
		mvc.perform(scan("{\"code\":\"x\"}")).andExpect(unauthorized());
		verifyNoInteractions(delivery);
	}

	@Test
	void everyRoleButPostroomIsForbidden() throws Exception {
		for (PostbrugUser user : allBut(Role.POSTROOM)) {
			mvc.perform(scan("{\"code\":\"x\"}").with(as(user))).andExpect(forbidden());
		}
		verifyNoInteractions(delivery);
	}

}
