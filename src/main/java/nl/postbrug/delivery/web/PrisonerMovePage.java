package nl.postbrug.delivery.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import nl.postbrug.delivery.WaitingLetters;
import nl.postbrug.registry.PostbrugUser;
import nl.postbrug.registry.Prisoner;
import nl.postbrug.registry.PrisonerMoves;
import nl.postbrug.registry.PrisonerStatus;
import nl.postbrug.registry.Registry;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A facility administrator releases or transfers a prisoner of their own facility. The
 * page says first what will happen to the letters waiting for them (this module knows
 * that, the registry does not), then makes the move through {@link PrisonerMoves}, the
 * same code as the API, so it is audited and the post follows the prisoner.
 */
@Controller
class PrisonerMovePage {

	private static final int MAX_CELL = 32;

	/** One choice of the destination list: a unit of a facility. */
	record Place(String value, String facility, String unit) {
	}

	private final Registry registry;

	private final PrisonerMoves moves;

	private final WaitingLetters waiting;

	private final MessageSource texts;

	PrisonerMovePage(Registry registry, PrisonerMoves moves, WaitingLetters waiting, MessageSource texts) {
		this.registry = registry;
		this.moves = moves;
		this.waiting = waiting;
		this.texts = texts;
	}

	@GetMapping("/staff/registry/prisoners/{number}/move")
	@PreAuthorize("hasRole('FACILITY_ADMIN')")
	String form(@AuthenticationPrincipal PostbrugUser admin, @PathVariable String number, Model model) {
		return page(ownPrisoner(number, admin), model);
	}

	@PostMapping("/staff/registry/prisoners/{number}/release")
	@PreAuthorize("hasRole('FACILITY_ADMIN')")
	String release(@AuthenticationPrincipal PostbrugUser admin, @PathVariable String number, Model model,
			RedirectAttributes redirect, Locale locale) {
		Prisoner prisoner = ownPrisoner(number, admin);
		if (prisoner.status() == PrisonerStatus.RELEASED) {
			model.addAttribute("problem", texts.getMessage("move.released-already", null, locale));
			return page(prisoner, model);
		}
		WaitingLetters.Waiting before = waiting.of(prisoner);
		moves.release(prisoner.number(), admin);
		redirect.addFlashAttribute("notice", texts.getMessage("move.released",
				new Object[] { prisoner.name(), before.notPrinted(), before.printed() }, locale));
		return "redirect:/staff/registry/prisoners/" + prisoner.number() + "/move";
	}

	@PostMapping("/staff/registry/prisoners/{number}/transfer")
	@PreAuthorize("hasRole('FACILITY_ADMIN')")
	String transfer(@AuthenticationPrincipal PostbrugUser admin, @PathVariable String number,
			@RequestParam(defaultValue = "") String place, @RequestParam(defaultValue = "") String cell, Model model,
			RedirectAttributes redirect, Locale locale, HttpServletResponse response) {
		Prisoner prisoner = ownPrisoner(number, admin);
		Map<String, String> errors = new LinkedHashMap<>();
		Optional<Place> to = places().stream().filter(p -> p.value().equals(place)).findFirst();
		if (to.isEmpty()) {
			errors.put("place", texts.getMessage("move.error.place", null, locale));
		}
		String trimmedCell = cell.strip();
		if (trimmedCell.isEmpty()) {
			errors.put("cell", texts.getMessage("move.error.cell-empty", null, locale));
		}
		else if (trimmedCell.length() > MAX_CELL || trimmedCell.codePoints().anyMatch(Character::isISOControl)) {
			errors.put("cell", texts.getMessage("move.error.cell-long", new Object[] { MAX_CELL }, locale));
		}
		if (prisoner.status() == PrisonerStatus.RELEASED) {
			model.addAttribute("problem", texts.getMessage("move.released-cannot-transfer", null, locale));
		}
		if (!errors.isEmpty() || prisoner.status() == PrisonerStatus.RELEASED) {
			model.addAttribute("errors", errors);
			model.addAttribute("place", place);
			model.addAttribute("cell", cell);
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return page(prisoner, model);
		}
		WaitingLetters.Waiting before = waiting.of(prisoner);
		boolean otherFacility = !to.get().facility().equals(prisoner.facilityCode());
		moves.transfer(prisoner.number(), to.get().facility(), to.get().unit(), trimmedCell, admin);
		redirect.addFlashAttribute("notice",
				texts.getMessage(otherFacility ? "move.transferred" : "move.moved", new Object[] { prisoner.name(),
						to.get().facility(), to.get().unit(), trimmedCell, before.notPrinted(), before.printed() },
						locale));
		return "redirect:/staff/registry/prisoners/" + prisoner.number() + "/move";
	}

	private String page(Prisoner prisoner, Model model) {
		model.addAttribute("prisoner", prisoner);
		model.addAttribute("waiting", waiting.of(prisoner));
		model.addAttribute("places", places());
		if (!model.containsAttribute("place")) {
			model.addAttribute("place",
					prisoner.facilityCode() + "/" + (prisoner.unit() == null ? "" : prisoner.unit()));
		}
		return "delivery/prisoner-move";
	}

	/** Every unit of every facility: a prisoner may be moved to any of them. */
	private List<Place> places() {
		return registry.facilities()
			.stream()
			.flatMap(f -> registry.unitsOf(f.id()).stream().map(u -> new Place(f.code() + "/" + u, f.code(), u)))
			.toList();
	}

	/**
	 * Staff of another facility learn nothing: a prisoner they may not move is as unknown
	 * as one that does not exist.
	 */
	private Prisoner ownPrisoner(String number, PostbrugUser admin) {
		return registry.prisoner(number)
			.filter(p -> admin.canAct(p.facilityId()))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

}
