package nl.postbrug.registry.web;

import nl.postbrug.registry.PostbrugUser;
import nl.postbrug.registry.Prisoner;
import nl.postbrug.registry.PrisonerMoves;
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

/** Release and transfer over HTTP: roles, answers and problems for bad input. */
@WebMvcTest(PrisonerMovesController.class)
@PostbrugWebSecurity
class PrisonerMovesControllerTests {

	static final PostbrugUser ADMIN = staff(Role.FACILITY_ADMIN);

	@Autowired
	MockMvc mvc;

	@MockitoBean
	PrisonerMoves moves;

	private static MockHttpServletRequestBuilder transfer(String json) {
		return post("/api/v1/prisoners/1000000001/transfer").contentType(MediaType.APPLICATION_JSON).content(json);
	}

	@Test
	void aTransferAnswersWithThePrisonersNewPlace() throws Exception {
		given(moves.transfer(eq("1000000001"), eq("PIV"), eq("B"), eq("B-1.07"), any())).willReturn(new Prisoner(1,
				"1000000001", "Jan de Vries", 2, "PIV", "PI Vught", "B", "B-1.07", PrisonerStatus.ACTIVE));
		mvc.perform(transfer("{\"facility\":\"PIV\",\"unit\":\"B\",\"cell\":\"B-1.07\"}").with(as(ADMIN)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.facility").value("PIV"))
			.andExpect(jsonPath("$.unit").value("B"))
			.andExpect(jsonPath("$.cell").value("B-1.07"))
			.andExpect(jsonPath("$.status").value("ACTIVE"));
	}

	@Test
	void aReleaseAnswersWithTheReleasedPrisoner() throws Exception {
		given(moves.release(eq("1000000001"), any())).willReturn(new Prisoner(1, "1000000001", "Jan de Vries", 1, "PIA",
				"PI Amsterdam", "B", "B-2.01", PrisonerStatus.RELEASED));
		mvc.perform(post("/api/v1/prisoners/1000000001/release").with(as(ADMIN)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("RELEASED"));
	}

	@Test
	void whatTheRegistryRefusesBecomesAProblem() throws Exception {
		given(moves.transfer(eq("1000000001"), eq("PIX"), any(), any(), any()))
			.willThrow(new PrisonerMoves.BadMove("moves.no-such-facility", "There is no facility 'PIX'", "PIX", "PIA"));
		mvc.perform(transfer("{\"facility\":\"PIX\",\"unit\":\"B\",\"cell\":\"1\"}").with(as(ADMIN)))
			.andExpect(problem(400, "Verplaatsing niet begrepen", "Inrichting 'PIX' bestaat niet."));
		given(moves.release(eq("999"), any())).willThrow(new PrisonerMoves.NoSuchPrisoner("999"));
		mvc.perform(post("/api/v1/prisoners/999/release").with(as(ADMIN)))
			.andExpect(problem(404, "Niet gevonden", "Gedetineerde 999 bestaat niet"));
		given(moves.release(eq("1000000043"), any())).willThrow(new PrisonerMoves.CannotMove("moves.released-already",
				"Prisoner 1000000043 was released already", "1000000043"));
		mvc.perform(post("/api/v1/prisoners/1000000043/release").with(as(ADMIN)))
			.andExpect(problem(409, "Dat kan nu niet", "is al in vrijheid gesteld"));
	}

	@Test
	void aMissingOrMalformedBodyIsABadRequest() throws Exception {
		mvc.perform(post("/api/v1/prisoners/1000000001/transfer").with(as(ADMIN))).andExpect(status().isBadRequest());
		mvc.perform(transfer("{\"facility\":").with(as(ADMIN))).andExpect(problem(400, "Gegevens niet aangenomen"));
		verifyNoInteractions(moves);
	}

	@Test
	void onlyFacilityAdministratorsMovePeopleAndOnlySignedIn() throws Exception {
		mvc.perform(post("/api/v1/prisoners/1000000001/release")).andExpect(unauthorized());
		for (PostbrugUser user : allBut(Role.FACILITY_ADMIN)) {
			mvc.perform(post("/api/v1/prisoners/1000000001/release").with(as(user))).andExpect(forbidden());
			mvc.perform(transfer("{\"facility\":\"PIV\",\"unit\":\"B\",\"cell\":\"1\"}").with(as(user)))
				.andExpect(forbidden());
		}
		verifyNoInteractions(moves);
	}

}
