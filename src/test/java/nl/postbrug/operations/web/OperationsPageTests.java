package nl.postbrug.operations.web;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import nl.postbrug.batches.BatchSlots;
import nl.postbrug.operations.OperationsFigures;
import nl.postbrug.operations.OperationsFigures.DayCount;
import nl.postbrug.delivery.DeliverySettings;
import nl.postbrug.operations.OperationsSettings;
import nl.postbrug.registry.Facility;
import nl.postbrug.registry.PostbrugUser;
import nl.postbrug.registry.PrinterSettings;
import nl.postbrug.registry.PrinterType;
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

import static nl.postbrug.support.Users.allBut;
import static nl.postbrug.support.Users.as;
import static nl.postbrug.support.Users.staff;
import static nl.postbrug.support.Users.staffOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(OperationsPage.class)
@PostbrugWebSecurity
class OperationsPageTests {

	static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

	static final Facility PIA = new Facility(1, "PIA", "PI Amsterdam Noord", AMSTERDAM,
			new PrinterSettings(PrinterType.FOLDER, "pia", false, false));

	static final Facility PIV = new Facility(2, "PIV", "PI Vught", AMSTERDAM,
			new PrinterSettings(PrinterType.FOLDER, "piv", false, false));

	@Autowired
	MockMvc mvc;

	@MockitoBean
	OperationsFigures figures;

	@MockitoBean
	Registry registry;

	@MockitoBean
	OperationsSettings settings;

	@MockitoBean
	DeliverySettings delivery;

	@BeforeEach
	void twoFacilities() {
		given(delivery.overdueAfter(org.mockito.ArgumentMatchers.anyString())).willReturn(Duration.ofDays(2));
		given(settings.chartDays()).willReturn(30);
		given(registry.facilities()).willReturn(List.of(PIA, PIV));
		given(figures.day(PIA)).willReturn(day(PIA, 12, 3, Optional.of(Instant.parse("2026-12-02T06:00:00Z"))));
		given(figures.day(PIV)).willReturn(day(PIV, 0, 0, Optional.empty()));
	}

	static OperationsFigures.FacilityDay day(Facility facility, long received, long failed, Optional<Instant> slot) {
		List<DayCount> perDay = new ArrayList<>();
		List<DayCount> delivered = new ArrayList<>();
		LocalDate first = LocalDate.of(2026, 11, 2);
		for (int i = 0; i < 30; i++) {
			perDay.add(new DayCount(first.plusDays(i), received == 0 ? 0 : 10 + i % 7));
			delivered.add(new DayCount(first.plusDays(i), received == 0 ? 0 : 8 + i % 5));
		}
		return new OperationsFigures.FacilityDay(facility, new OperationsFigures.Funnel(received, 9, 7, 5),
				new OperationsFigures.Backlog(received == 0 ? 0 : 4,
						received == 0 ? Optional.empty() : Optional.of(Instant.now().minus(Duration.ofMinutes(95)))),
				failed, received == 0 ? 0 : 2, new BatchSlots.NextSlot(slot, received == 0 ? 0 : 3), perDay, delivered);
	}

	@Test
	void anAdministratorSeesTodaysFunnelBacklogFailuresAndTheNextSlotInDutch() throws Exception {
		mvc.perform(get("/operations").accept(MediaType.TEXT_HTML).with(as(staff(Role.FACILITY_ADMIN))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<h1>Vandaag</h1>")))
			.andExpect(content().string(containsString("PIA · PI Amsterdam Noord")))
			.andExpect(content().string(containsString("PIV · PI Vught")))
			.andExpect(content().string(containsString("4 berichten")))
			.andExpect(content().string(containsString("het oudste wacht 1 u 35 min")))
			.andExpect(content().string(containsString("woensdag 2 december, 07:00")))
			.andExpect(content().string(containsString("3 brieven wachten")))
			.andExpect(content().string(containsString("geen batchtijd ingesteld")))
			.andExpect(content().string(containsString("Gedrukt, na 2 dagen niet uitgereikt")))
			.andExpect(content().string(containsString("<svg")))
			.andExpect(content().string(containsString("<rect class=\"bar\"")))
			.andExpect(content().string(containsString("<polyline class=\"line\"")))
			.andExpect(content().string(not(containsString("<script"))));
	}

	@Test
	void postroomStaffReadItInEnglishWhenTheBrowserAsks() throws Exception {
		mvc.perform(get("/operations").accept(MediaType.TEXT_HTML)
			.header("Accept-Language", "en")
			.with(as(staff(Role.POSTROOM))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<h1>Today</h1>")))
			.andExpect(content().string(containsString("3 letters waiting")))
			.andExpect(content().string(containsString("Printed, not handed over after 2 days")));
	}

	@Test
	void staffOfOneFacilitySeeOnlyThatFacility() throws Exception {
		PostbrugUser vught = staffOf(Set.of(PIV.id()), Role.POSTROOM);
		mvc.perform(get("/operations").accept(MediaType.TEXT_HTML).with(as(vught)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("PIV · PI Vught")))
			.andExpect(content().string(not(containsString("PI Amsterdam Noord"))));
	}

	@Test
	void otherRolesAreForbiddenAndStrangersAreSentToTheLoginForm() throws Exception {
		for (PostbrugUser user : allBut(Role.FACILITY_ADMIN, Role.POSTROOM)) {
			mvc.perform(get("/operations").accept(MediaType.TEXT_HTML).with(as(user)))
				.andExpect(status().isForbidden());
		}
		mvc.perform(get("/operations").accept(MediaType.TEXT_HTML)).andExpect(redirectedUrl("/login"));
	}

}
