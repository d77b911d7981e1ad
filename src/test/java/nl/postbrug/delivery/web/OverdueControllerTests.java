package nl.postbrug.delivery.web;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import nl.postbrug.batches.OverdueLetter;
import nl.postbrug.batches.OverdueLetters;
import nl.postbrug.delivery.Delivery;
import nl.postbrug.delivery.Overdue;
import nl.postbrug.registry.Facility;
import nl.postbrug.registry.PostbrugUser;
import nl.postbrug.registry.Registry;
import nl.postbrug.registry.Role;
import nl.postbrug.registry.security.PostbrugWebSecurity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static nl.postbrug.support.Problems.forbidden;
import static nl.postbrug.support.Problems.problem;
import static nl.postbrug.support.Problems.unauthorized;
import static nl.postbrug.support.Users.as;
import static nl.postbrug.support.Users.staff;
import static nl.postbrug.support.Users.staffOf;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(OverdueController.class)
@PostbrugWebSecurity
class OverdueControllerTests {

	static final Facility PIA = new Facility(1, "PIA", "PI Amsterdam", ZoneId.of("Europe/Amsterdam"), null);

	@Autowired
	MockMvc mvc;

	@MockitoBean
	Overdue overdue;

	@MockitoBean
	Registry registry;

	@MockitoBean
	Delivery delivery;

	@BeforeEach
	void onePrisonFacility() {
		given(registry.facility("PIA")).willReturn(Optional.of(PIA));
		given(registry.facility("NOPE")).willReturn(Optional.empty());
	}

	@Test
	void theOverdueLettersOfAFacilityWithWhereTheirPrisonerIs() throws Exception {
		UUID message = UUID.randomUUID();
		given(overdue.of(eq(PIA), anyInt())).willReturn(new OverdueLetters.Overdue(Duration.ofDays(2), 1,
				List.of(new OverdueLetter(11, message, "PB-7K2QX-9XMD4-R", "1000000001", "Jan de Vries", "B", "B-2.01",
						Instant.parse("2026-11-28T08:00:00Z"), 5))));
		for (PostbrugUser user : List.of(staff(Role.POSTROOM), staff(Role.FACILITY_ADMIN))) {
			mvc.perform(get("/api/v1/facilities/PIA/overdue").with(as(user)))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.facility").value("PIA"))
				.andExpect(jsonPath("$.overdueAfter").value("PT48H"))
				.andExpect(jsonPath("$.count").value(1))
				.andExpect(jsonPath("$.letters[0].code").value("PB-7K2QX-9XMD4-R"))
				.andExpect(jsonPath("$.letters[0].message").value(message.toString()))
				.andExpect(jsonPath("$.letters[0].printedAt").value("2026-11-28T08:00:00Z"))
				.andExpect(jsonPath("$.letters[0].prisoner.cell").value("B-2.01"));
		}
	}

	@Test
	void aFacilityOutsideYourOwnIsNotFound() throws Exception {
		mvc.perform(get("/api/v1/facilities/PIA/overdue").with(as(staffOf(Set.of(2L), Role.POSTROOM))))
			.andExpect(problem(404, "Niet gevonden", "Inrichting PIA bestaat niet of hoort niet bij uw inrichtingen."));
		mvc.perform(get("/api/v1/facilities/NOPE/overdue").with(as(staff(Role.POSTROOM))))
			.andExpect(problem(404, "Niet gevonden"));
		verifyNoInteractions(overdue);
	}

	@Test
	void onlyPostroomAndAdministratorsAndOnlySignedIn() throws Exception {
		mvc.perform(get("/api/v1/facilities/PIA/overdue")).andExpect(unauthorized());
		for (Role role : List.of(Role.SCREENER, Role.AUDITOR)) {
			mvc.perform(get("/api/v1/facilities/PIA/overdue").with(as(staff(role)))).andExpect(forbidden());
		}
		verifyNoInteractions(overdue);
	}

}
