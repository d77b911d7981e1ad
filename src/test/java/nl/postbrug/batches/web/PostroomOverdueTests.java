package nl.postbrug.batches.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import nl.postbrug.batches.BatchSlots;
import nl.postbrug.batches.Batches;
import nl.postbrug.batches.OverdueLetter;
import nl.postbrug.batches.OverdueLetters;
import nl.postbrug.registry.Registry;
import nl.postbrug.registry.Role;
import nl.postbrug.registry.security.PostbrugWebSecurity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static nl.postbrug.batches.web.BatchesControllerTests.PIA;
import static nl.postbrug.support.Users.as;
import static nl.postbrug.support.Users.staff;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The postroom page's alert for letters printed and not handed over in time. */
@WebMvcTest(PostroomPage.class)
@PostbrugWebSecurity
class PostroomOverdueTests {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	Batches batches;

	@MockitoBean
	Registry registry;

	@MockitoBean
	OverdueLetters overdue;

	@MockitoBean
	BatchSlots slots;

	@BeforeEach
	void onePrisonFacility() {
		given(registry.facilities()).willReturn(List.of(PIA));
		given(slots.next(PIA)).willReturn(new BatchSlots.NextSlot(java.util.Optional.empty(), 0));
	}

	@Test
	void overdueLettersAreListedUnderAnAlertInDutchByDefault() throws Exception {
		OverdueLetter late = new OverdueLetter(11, UUID.randomUUID(), "PB-7K2QX-9XMD4-R", "1000000001", "Jan de Vries",
				"B", "B-2.01", Instant.parse("2026-11-28T08:00:00Z"), 5);
		given(overdue.of(eq(PIA), anyInt()))
			.willReturn(new OverdueLetters.Overdue(Duration.ofDays(2), 3, List.of(late)));
		mvc.perform(get("/postroom").accept(MediaType.TEXT_HTML).with(as(staff(Role.POSTROOM))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("role=\"alert\"")))
			.andExpect(content().string(containsString("3 brieven langer dan 48 uur geleden afgedrukt")))
			.andExpect(content().string(containsString("PB-7K2QX-9XMD4-R")))
			.andExpect(content().string(containsString("Jan de Vries (1000000001)")))
			.andExpect(content().string(containsString("En nog 2 meer")));
		mvc.perform(get("/postroom").accept(MediaType.TEXT_HTML)
			.header("Accept-Language", "en")
			.with(as(staff(Role.POSTROOM))))
			.andExpect(content().string(containsString("3 letters printed more than 48 hours ago")));
	}

	@Test
	void withoutOverdueLettersThereIsNoAlert() throws Exception {
		given(overdue.of(eq(PIA), anyInt())).willReturn(new OverdueLetters.Overdue(Duration.ofDays(2), 0, List.of()));
		mvc.perform(get("/postroom").accept(MediaType.TEXT_HTML).with(as(staff(Role.POSTROOM))))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("role=\"alert\""))));
	}

}
