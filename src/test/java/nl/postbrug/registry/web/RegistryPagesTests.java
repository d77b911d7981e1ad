package nl.postbrug.registry.web;

import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import nl.postbrug.registry.Contact;
import nl.postbrug.registry.Facility;
import nl.postbrug.registry.ImportReport;
import nl.postbrug.registry.PostbrugUser;
import nl.postbrug.registry.Prisoner;
import nl.postbrug.registry.PrisonerStatus;
import nl.postbrug.registry.Registry;
import nl.postbrug.registry.RegistryImport;
import nl.postbrug.registry.Role;
import nl.postbrug.registry.security.PostbrugWebSecurity;
import nl.postbrug.support.Users;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import static nl.postbrug.support.Users.allBut;
import static nl.postbrug.support.Users.as;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The staff registry page: each administrator sees the prisoners and contacts of her own
 * facilities; only an administrator of all facilities uploads CSV files, and the per-row
 * report shows on the page.
 */
@WebMvcTest(RegistryPages.class)
@PostbrugWebSecurity
class RegistryPagesTests {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	Registry registry;

	@MockitoBean
	RegistryImport imports;

	@MockitoBean
	nl.postbrug.registry.PrisonerMoveImport moves;

	@BeforeEach
	void twoFacilities() {
		Facility pia = new Facility(1, "PIA", "PI Amsterdam", ZoneId.of("Europe/Amsterdam"), null);
		Facility piv = new Facility(2, "PIV", "PI Vught", ZoneId.of("Europe/Amsterdam"), null);
		given(registry.facilities()).willReturn(List.of(pia, piv));
		given(registry.prisonersOf(1)).willReturn(List.of(new Prisoner(1, "1000000001", "Jan de Vries", 1, "PIA",
				"PI Amsterdam", "B", "B-2.01", PrisonerStatus.ACTIVE)));
		given(registry.prisonersOf(2)).willReturn(List.of(new Prisoner(2, "1000000002", "Mark de Vries", 2, "PIV",
				"PI Vught", "B", "B-3.04", PrisonerStatus.ACTIVE)));
		given(registry.contactsOf(1))
			.willReturn(List.of(new Registry.ApprovedContact(new Contact(7, "anna@example.org", "Anna de Vries", true),
					"1000000001", "Jan de Vries")));
	}

	@Test
	void anAdministratorSeesOnlyHerOwnFacilities() throws Exception {
		PostbrugUser local = Users.staffOf(Set.of(1L), Role.FACILITY_ADMIN);
		mvc.perform(get("/staff/registry").with(as(local)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Jan de Vries"), containsString("anna@example.org"),
					not(containsString("Mark de Vries")),
					// one facility's administrator uploads moves only, each row checked
					// against her facilities
					containsString("value=\"moves\""), not(containsString("value=\"prisoners\"")))));
		mvc.perform(multipart("/staff/registry/import")
			.file(new MockMultipartFile("file", "p.csv", "text/csv", "number\n".getBytes()))
			.param("kind", "prisoners")
			.with(as(local))
			.with(csrf())).andExpect(content().string(containsString("alleen een beheerder van alle inrichtingen")));
		verifyNoInteractions(imports);
	}

	@Test
	void anUploadShowsItsReportPerRow() throws Exception {
		mvc.perform(contactsUpload())
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(
					containsString("Ingelezen (Contactpersonen): 1 nieuw, 2 bijgewerkt, 1 regels niet ingelezen."),
					containsString("<td>3</td>"),
					containsString("approved_for noemt gedetineerde &#39;9999&#39;, die niet bestaat."),
					containsString("Mark de Vries"))));
	}

	@Test
	void theReportIsInEnglishWhenTheBrowserOrTheLanguageChoiceAsksForIt() throws Exception {
		String english = "approved_for names prisoner &#39;9999&#39;, who does not exist.";
		mvc.perform(contactsUpload().header("Accept-Language", "en"))
			.andExpect(content()
				.string(allOf(containsString("Imported (Contacts): 1 new, 2 updated, 1 lines not imported."),
						containsString(english), not(containsString("die niet bestaat")))));
		mvc.perform(contactsUpload().cookie(new Cookie("postbrug-lang", "en")))
			.andExpect(content().string(allOf(containsString(english), not(containsString("die niet bestaat")))));
		mvc.perform(contactsUpload().header("Accept-Language", "de"))
			.andExpect(content()
				.string(allOf(containsString("approved_for noemt gedetineerde &#39;9999&#39;, die niet bestaat."),
						not(containsString(english)))));
	}

	private MockMultipartHttpServletRequestBuilder contactsUpload() {
		given(imports.contacts(any())).willReturn(new ImportReport("contacts", 1, 2,
				List.of(new ImportReport.RowProblem(3, "import.unknown-approved-prisoner", List.of("9999")))));
		return multipart("/staff/registry/import")
			.file(new MockMultipartFile("file", "c.csv", "text/csv", "email,name,verified,approved_for\n".getBytes()))
			.param("kind", "contacts")
			.with(as(Users.staff(Role.FACILITY_ADMIN)))
			.with(csrf());
	}

	@Test
	void othersAreForbiddenAndTheUploadNeedsItsToken() throws Exception {
		for (PostbrugUser user : allBut(Role.FACILITY_ADMIN)) {
			mvc.perform(get("/staff/registry").with(as(user))).andExpect(status().isForbidden());
		}
		mvc.perform(multipart("/staff/registry/import").param("kind", "prisoners")
			.with(as(Users.staff(Role.FACILITY_ADMIN)))).andExpect(status().isForbidden());
		verifyNoInteractions(imports);
	}

}
