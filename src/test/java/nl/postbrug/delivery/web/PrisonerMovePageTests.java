package nl.postbrug.delivery.web;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import nl.postbrug.delivery.WaitingLetters;
import nl.postbrug.registry.Facility;
import nl.postbrug.registry.PostbrugUser;
import nl.postbrug.registry.Prisoner;
import nl.postbrug.registry.PrisonerMoves;
import nl.postbrug.registry.PrisonerStatus;
import nl.postbrug.registry.Registry;
import nl.postbrug.registry.Role;
import nl.postbrug.registry.security.PostbrugWebSecurity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static nl.postbrug.support.Users.allBut;
import static nl.postbrug.support.Users.as;
import static nl.postbrug.support.Users.staffOf;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Release and transfer from the registry page: only an administrator of the prisoner's
 * own facility, CSRF on both forms, a bad destination or cell comes back at its field,
 * and a released prisoner is neither released nor transferred again.
 */
@WebMvcTest(PrisonerMovePage.class)
@PostbrugWebSecurity
class PrisonerMovePageTests {

	static final Facility PIA = new Facility(1, "PIA", "PI Amsterdam", ZoneId.of("Europe/Amsterdam"), null);

	static final Facility PIV = new Facility(2, "PIV", "PI Vught", ZoneId.of("Europe/Amsterdam"), null);

	static final Prisoner JAN = new Prisoner(1, "1000000001", "Jan de Vries", 1, "PIA", "PI Amsterdam", "B", "B-2.01",
			PrisonerStatus.ACTIVE);

	static final Prisoner PIET = new Prisoner(2, "1000000002", "Piet Bakker", 1, "PIA", "PI Amsterdam", "B", "B-2.02",
			PrisonerStatus.RELEASED);

	static final PostbrugUser ADMIN = staffOf(Set.of(1L), Role.FACILITY_ADMIN);

	static final PostbrugUser ADMIN_OF_VUGHT = staffOf(Set.of(2L), Role.FACILITY_ADMIN);

	@Autowired
	MockMvc mvc;

	@MockitoBean
	Registry registry;

	@MockitoBean
	PrisonerMoves moves;

	@MockitoBean
	WaitingLetters waiting;

	@BeforeEach
	void twoFacilitiesAndTwoPrisoners() {
		given(registry.facilities()).willReturn(List.of(PIA, PIV));
		given(registry.unitsOf(1)).willReturn(List.of("B"));
		given(registry.unitsOf(2)).willReturn(List.of("C"));
		given(registry.prisoner("1000000001")).willReturn(Optional.of(JAN));
		given(registry.prisoner("1000000002")).willReturn(Optional.of(PIET));
		given(registry.prisoner("999")).willReturn(Optional.empty());
		given(waiting.of(any())).willReturn(new WaitingLetters.Waiting(2, 1));
	}

	@Test
	void theFormSaysWhatHappensToTheWaitingPost() throws Exception {
		mvc.perform(get("/staff/registry/prisoners/1000000001/move").with(as(ADMIN)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Jan de Vries vrijlaten of overplaatsen")))
			.andExpect(content().string(containsString("Er wachten 2 berichten op een batch")))
			.andExpect(content().string(containsString("PIV · C")))
			.andExpect(content().string(containsString("name=\"_csrf\"")));
	}

	@Test
	void aTransferToAPlaceOfTheListMovesThePrisonerAndSaysWhatWentWithThem() throws Exception {
		mvc.perform(post("/staff/registry/prisoners/1000000001/transfer").param("place", "PIV/C")
			.param("cell", " C-1.07 ")
			.with(as(ADMIN))
			.with(csrf()))
			.andExpect(redirectedUrl("/staff/registry/prisoners/1000000001/move"))
			.andExpect(flash().attribute("notice", containsString("Jan de Vries is overgeplaatst naar PIV")));
		verify(moves).transfer(eq("1000000001"), eq("PIV"), eq("C"), eq("C-1.07"), any());
	}

	@Test
	void aPlaceNotOnTheListOrABadCellComesBackAtItsField() throws Exception {
		mvc.perform(post("/staff/registry/prisoners/1000000001/transfer").param("place", "PIX/Z")
			.param("cell", "")
			.with(as(ADMIN))
			.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Kies een inrichting en afdeling uit de lijst.")))
			.andExpect(content().string(containsString("Vul de cel in.")));
		mvc.perform(post("/staff/registry/prisoners/1000000001/transfer").param("place", "PIV/C")
			.param("cell", "x".repeat(33))
			.with(as(ADMIN))
			.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("De cel mag ten hoogste 32 tekens")));
		mvc.perform(post("/staff/registry/prisoners/1000000001/transfer").param("place", "PIV/C")
			.param("cell", "C-1\n07")
			.with(as(ADMIN))
			.with(csrf())).andExpect(status().isBadRequest());
		verifyNoInteractions(moves);
	}

	@Test
	void aReleasedPrisonerIsNeitherReleasedNorTransferredAgain() throws Exception {
		mvc.perform(post("/staff/registry/prisoners/1000000002/release").with(as(ADMIN)).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Deze gedetineerde is al vrijgelaten.")));
		mvc.perform(post("/staff/registry/prisoners/1000000002/transfer").param("place", "PIV/C")
			.param("cell", "C-1.07")
			.with(as(ADMIN))
			.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("kan niet worden overgeplaatst")));
		verifyNoInteractions(moves);
	}

	@Test
	void aReleaseSaysWhatHappenedToTheWaitingPost() throws Exception {
		mvc.perform(post("/staff/registry/prisoners/1000000001/release").with(as(ADMIN)).with(csrf()))
			.andExpect(redirectedUrl("/staff/registry/prisoners/1000000001/move"))
			.andExpect(flash().attribute("notice", containsString("Jan de Vries is vrijgelaten.")));
		verify(moves).release(eq("1000000001"), any());
	}

	@Test
	void anotherFacilitysPrisonerIsAsUnknownAsNoneAndOnlyAdministratorsMove() throws Exception {
		mvc.perform(get("/staff/registry/prisoners/1000000001/move").with(as(ADMIN_OF_VUGHT)))
			.andExpect(status().isNotFound());
		mvc.perform(get("/staff/registry/prisoners/999/move").with(as(ADMIN))).andExpect(status().isNotFound());
		mvc.perform(post("/staff/registry/prisoners/1000000001/release").with(as(ADMIN_OF_VUGHT)).with(csrf()))
			.andExpect(status().isNotFound());
		mvc.perform(post("/staff/registry/prisoners/1000000001/release").with(as(ADMIN)))
			.andExpect(status().isForbidden());
		mvc.perform(get("/staff/registry/prisoners/1000000001/move")).andExpect(redirectedUrl("/login"));
		for (PostbrugUser user : allBut(Role.FACILITY_ADMIN)) {
			mvc.perform(get("/staff/registry/prisoners/1000000001/move").with(as(user)))
				.andExpect(status().isForbidden());
			mvc.perform(post("/staff/registry/prisoners/1000000001/release").with(as(user)).with(csrf()))
				.andExpect(status().isForbidden());
		}
		verifyNoInteractions(moves);
	}

}
