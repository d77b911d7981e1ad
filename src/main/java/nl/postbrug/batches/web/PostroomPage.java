package nl.postbrug.batches.web;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import nl.postbrug.batches.BatchView;
import nl.postbrug.batches.Batches;
import nl.postbrug.batches.printer.PrinterUnavailable;
import nl.postbrug.registry.Facility;
import nl.postbrug.registry.PostbrugUser;
import nl.postbrug.registry.Registry;
import nl.postbrug.registry.Role;

import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The postroom's batches: recent batches per facility with their PDF, a batch run by hand, and one
 * batch's letters with a reprint per letter.
 */
@Controller
class PostroomPage {

	private static final int RECENT = 20;

	record Row(BatchView batch, ZonedDateTime createdAt) {
	}

	record FacilityBatches(Facility facility, List<Row> batches) {
	}

	private final Batches batches;

	private final Registry registry;

	PostroomPage(Batches batches, Registry registry) {
		this.batches = batches;
		this.registry = registry;
	}

	@GetMapping("/postroom")
	@PreAuthorize("hasAnyRole('POSTROOM', 'FACILITY_ADMIN')")
	String overview(@AuthenticationPrincipal PostbrugUser user, Model model) {
		List<FacilityBatches> facilities = registry.facilities()
			.stream()
			.filter(facility -> user.canAct(facility.id()))
			.map(facility -> new FacilityBatches(facility,
					batches.recent(facility.id(), RECENT).stream().map(batch -> row(batch, facility.zone())).toList()))
			.toList();
		model.addAttribute("facilities", facilities);
		return "batches/postroom";
	}

	@PostMapping("/postroom/facilities/{code}/batches")
	@PreAuthorize("hasAnyRole('POSTROOM', 'FACILITY_ADMIN')")
	String runNow(@AuthenticationPrincipal PostbrugUser user, @PathVariable String code, RedirectAttributes redirect) {
		Facility facility = registry.facility(code).orElseThrow(() -> new Batches.OutOfScope("facility " + code));
		BatchView batch = batches.runNow(facility, user);
		redirect.addFlashAttribute("notice", "Batch " + batch.id() + " for " + facility.code() + ": " + batch.letters()
				+ " letter(s), " + batch.pages() + " page(s), " + batch.status() + ".");
		return "redirect:/postroom/batches/" + batch.id();
	}

	@GetMapping("/postroom/batches/{id}")
	@PreAuthorize("hasAnyRole('POSTROOM', 'FACILITY_ADMIN')")
	String batch(@AuthenticationPrincipal PostbrugUser user, @PathVariable long id, Model model) {
		BatchView batch = batches.get(id, user);
		model.addAttribute("batch", row(batch, registry.facility(batch.facilityId()).zone()));
		model.addAttribute("items", batches.items(id));
		model.addAttribute("canReprint", user.has(Role.POSTROOM));
		return "batches/batch";
	}

	@GetMapping("/postroom/batches/{id}/pdf")
	@PreAuthorize("hasAnyRole('POSTROOM', 'FACILITY_ADMIN')")
	ResponseEntity<Resource> pdf(@AuthenticationPrincipal PostbrugUser user, @PathVariable long id) {
		return BatchDownload.of(batches, batches.get(id, user));
	}

	@PostMapping("/postroom/batches/{batchId}/letters/{letterId}/reprint")
	@PreAuthorize("hasRole('POSTROOM')")
	String reprint(@AuthenticationPrincipal PostbrugUser user, @PathVariable long batchId, @PathVariable long letterId,
			RedirectAttributes redirect) {
		try {
			String code = batches.reprint(letterId, user);
			redirect.addFlashAttribute("notice",
					"Letter " + letterId + " was reprinted as copy " + code + "; the earlier copy is void.");
		}
		catch (Batches.CannotReprint | PrinterUnavailable ex) {
			redirect.addFlashAttribute("problem", ex.getMessage());
		}
		return "redirect:/postroom/batches/" + batchId;
	}

	private static Row row(BatchView batch, ZoneId zone) {
		return new Row(batch, batch.createdAt().atZone(zone));
	}

}
