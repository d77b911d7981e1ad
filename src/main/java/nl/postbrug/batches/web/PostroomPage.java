package nl.postbrug.batches.web;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;

import nl.postbrug.batches.BatchSlots;
import nl.postbrug.batches.BatchStatus;
import nl.postbrug.batches.BatchView;
import nl.postbrug.ErrorResponses;
import nl.postbrug.batches.Batches;
import nl.postbrug.batches.OverdueLetter;
import nl.postbrug.batches.OverdueLetters;
import nl.postbrug.batches.PurgedContent;
import nl.postbrug.batches.printer.PrinterUnavailable;
import nl.postbrug.registry.Facility;
import nl.postbrug.registry.OutOfScope;
import nl.postbrug.registry.PostbrugUser;
import nl.postbrug.registry.Registry;
import nl.postbrug.registry.Role;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
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
 * The postroom's batches: today's totals and recent batches per facility with their PDF,
 * a batch run by hand, and one batch's letters with a reprint per letter. A batch waiting
 * for its printer (PRINT_FAILED with its reason and next retry) can be sent again now or
 * marked printed by hand. Letters printed and not handed over in time are listed per
 * facility under an alert, and each facility's next scheduled batch with the letters
 * waiting for it. Texts, notices and problems come from the {@code i18n/batches} bundle
 * in the request's language.
 */
@Controller
class PostroomPage {

	private static final int RECENT = 20;

	private static final int OVERDUE_SHOWN = 50;

	record Row(BatchView batch, ZonedDateTime createdAt, ZonedDateTime nextRetryAt) {
	}

	/**
	 * A facility's batches of today (letters and pages summed), its recent ones and its
	 * next scheduled batch in the facility's time ({@code nextSlotAt} null when none).
	 */
	record FacilityBatches(Facility facility, List<Row> batches, int batchesToday, int lettersToday, int pagesToday,
			long waitingToday, OverdueLetters.Overdue overdue, List<OverdueRow> overdueLetters,
			ZonedDateTime nextSlotAt, int lettersWaiting) {
	}

	record OverdueRow(OverdueLetter letter, ZonedDateTime printedAt) {
	}

	private final Batches batches;

	private final Registry registry;

	private final ObjectProvider<OverdueLetters> overdue;

	private final BatchSlots slots;

	private final MessageSource texts;

	PostroomPage(Batches batches, Registry registry, ObjectProvider<OverdueLetters> overdue, BatchSlots slots,
			MessageSource texts) {
		this.batches = batches;
		this.registry = registry;
		this.overdue = overdue;
		this.slots = slots;
		this.texts = texts;
	}

	@GetMapping("/postroom")
	@PreAuthorize("hasAnyRole('POSTROOM', 'FACILITY_ADMIN')")
	String overview(@AuthenticationPrincipal PostbrugUser user, Model model) {
		List<FacilityBatches> facilities = registry.facilities()
			.stream()
			.filter(facility -> user.canAct(facility.id()))
			.map(facility -> {
				List<BatchView> today = batches.today(facility);
				OverdueLetters.Overdue late = overdue.stream()
					.findFirst()
					.map(letters -> letters.of(facility, OVERDUE_SHOWN))
					.orElse(null);
				BatchSlots.NextSlot next = slots.next(facility);
				return new FacilityBatches(facility,
						batches.recent(facility.id(), RECENT)
							.stream()
							.map(batch -> row(batch, facility.zone()))
							.toList(),
						today.size(), today.stream().mapToInt(BatchView::letters).sum(),
						today.stream().mapToInt(BatchView::pages).sum(),
						today.stream().filter(BatchView::waitingForPrinter).count(), late,
						late == null ? List.of()
								: late.letters()
									.stream()
									.map(letter -> new OverdueRow(letter, letter.printedAt().atZone(facility.zone())))
									.toList(),
						next.at().map(at -> at.atZone(facility.zone())).orElse(null), next.lettersWaiting());
			})
			.toList();
		model.addAttribute("facilities", facilities);
		return "batches/postroom";
	}

	@PostMapping("/postroom/facilities/{code}/batches")
	@PreAuthorize("hasAnyRole('POSTROOM', 'FACILITY_ADMIN')")
	String runNow(@AuthenticationPrincipal PostbrugUser user, @PathVariable String code, RedirectAttributes redirect,
			Locale locale) {
		Facility facility = registry.facility(code).orElseThrow(() -> new OutOfScope(OutOfScope.Kind.FACILITY, code));
		BatchView batch = batches.runNow(facility, user);
		redirect.addFlashAttribute("notice", text(locale, "batches.notice.run", batch.id(), facility.code(),
				batch.letters(), batch.pages(), status(batch.status(), locale)));
		return "redirect:/postroom/batches/" + batch.id();
	}

	@GetMapping("/postroom/batches/{id}")
	@PreAuthorize("hasAnyRole('POSTROOM', 'FACILITY_ADMIN')")
	String batch(@AuthenticationPrincipal PostbrugUser user, @PathVariable long id, Model model) {
		BatchView batch = batches.get(id, user);
		ZoneId zone = registry.facility(batch.facilityId()).zone();
		model.addAttribute("batch", row(batch, zone));
		model.addAttribute("pdfPurgedAt", batches.pdfPurgedAt(id).map(at -> at.atZone(zone)).orElse(null));
		model.addAttribute("items", batches.items(id));
		model.addAttribute("canReprint", user.has(Role.POSTROOM));
		model.addAttribute("canPrint", user.has(Role.POSTROOM) && batch.waitingForPrinter());
		return "batches/batch";
	}

	@GetMapping("/postroom/batches/{id}/pdf")
	@PreAuthorize("hasAnyRole('POSTROOM', 'FACILITY_ADMIN')")
	ResponseEntity<Resource> pdf(@AuthenticationPrincipal PostbrugUser user, @PathVariable long id) {
		return BatchDownload.of(batches, batches.get(id, user));
	}

	@PostMapping("/postroom/batches/{id}/print")
	@PreAuthorize("hasRole('POSTROOM')")
	String printAgain(@AuthenticationPrincipal PostbrugUser user, @PathVariable long id, RedirectAttributes redirect,
			Locale locale) {
		try {
			BatchView batch = batches.printAgain(id, user);
			if (batch.status() == BatchStatus.PRINT_FAILED) {
				redirect.addFlashAttribute("problem", text(locale, "batches.problem.still-not-printed", id));
			}
			else {
				redirect.addFlashAttribute("notice",
						text(locale, "batches.notice.sent-again", id, status(batch.status(), locale)));
			}
		}
		catch (Batches.CannotReprint | PrinterUnavailable ex) {
			redirect.addFlashAttribute("problem", problem(ex, locale));
		}
		return "redirect:/postroom/batches/" + id;
	}

	@PostMapping("/postroom/batches/{id}/printed-by-hand")
	@PreAuthorize("hasRole('POSTROOM')")
	String printedByHand(@AuthenticationPrincipal PostbrugUser user, @PathVariable long id, RedirectAttributes redirect,
			Locale locale) {
		try {
			batches.markPrintedByHand(id, user);
			redirect.addFlashAttribute("notice", text(locale, "batches.notice.printed-by-hand", id));
		}
		catch (Batches.CannotReprint ex) {
			redirect.addFlashAttribute("problem", problem(ex, locale));
		}
		return "redirect:/postroom/batches/" + id;
	}

	@PostMapping("/postroom/batches/{batchId}/letters/{letterId}/reprint")
	@PreAuthorize("hasRole('POSTROOM')")
	String reprint(@AuthenticationPrincipal PostbrugUser user, @PathVariable long batchId, @PathVariable long letterId,
			RedirectAttributes redirect, Locale locale) {
		try {
			String code = batches.reprint(letterId, user);
			redirect.addFlashAttribute("notice", text(locale, "batches.notice.reprinted", letterId, code));
		}
		catch (PurgedContent ex) {
			redirect.addFlashAttribute("problem", BatchPageProblems.purged(texts, ex, locale));
		}
		catch (Batches.CannotReprint | PrinterUnavailable ex) {
			redirect.addFlashAttribute("problem", problem(ex, locale));
		}
		return "redirect:/postroom/batches/" + batchId;
	}

	private String text(Locale locale, String key, Object... arguments) {
		return texts.getMessage(key, arguments, locale);
	}

	private String status(BatchStatus status, Locale locale) {
		return text(locale, "batches.status." + status.name());
	}

	/**
	 * Why it cannot be done now, in the page's language; what the printer itself answered
	 * is in the server log, in the printer's terms.
	 */
	private String problem(RuntimeException ex, Locale locale) {
		return ex instanceof Batches.CannotReprint cannot ? ErrorResponses.words(texts, cannot, locale)
				: text(locale, "batches.problem.printer.detail");
	}

	private static Row row(BatchView batch, ZoneId zone) {
		return new Row(batch, batch.createdAt().atZone(zone),
				batch.nextRetryAt() == null || batch.status() != BatchStatus.PRINT_FAILED ? null
						: batch.nextRetryAt().atZone(zone));
	}

}
