package nl.postbrug.delivery.web;

import nl.postbrug.delivery.Delivery;
import nl.postbrug.registry.PostbrugUser;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The hand-over desk: a USB barcode scanner types the code into the focused field and
 * presses Enter; the answer shows the outcome in large type and the field is empty and
 * focused for the next letter.
 */
@Controller
class ScanPage {

	private final Delivery delivery;

	ScanPage(Delivery delivery) {
		this.delivery = delivery;
	}

	@GetMapping("/postroom/scan")
	@PreAuthorize("hasRole('POSTROOM')")
	String form() {
		return "delivery/scan";
	}

	@PostMapping("/postroom/scan")
	@PreAuthorize("hasRole('POSTROOM')")
	String scan(@AuthenticationPrincipal PostbrugUser staff, @RequestParam(name = "code", required = false) String code,
			Model model) {
		if (code == null || code.isBlank()) {
			model.addAttribute("problem", "Nothing was scanned. Scan the barcode or type the code printed under it.");
			return "delivery/scan";
		}
		model.addAttribute("code", code.strip());
		model.addAttribute("scan", delivery.scan(code, staff));
		return "delivery/scan";
	}

}
