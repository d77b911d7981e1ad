package nl.postbrug.intake.web;

import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import nl.postbrug.intake.ContactNotApproved;
import nl.postbrug.intake.InvalidMessage;
import nl.postbrug.intake.MessageIntake;
import nl.postbrug.intake.Receipt;
import nl.postbrug.intake.UnknownPrisoner;
import nl.postbrug.registry.PostbrugUser;
import nl.postbrug.registry.Prisoner;
import nl.postbrug.registry.Registry;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The web portal's form for a new message. Each rendering of the form carries a fresh
 * idempotency key, so a double click or a resubmitted POST stores the message once.
 */
@Controller
class ComposePage {

	private final MessageIntake intake;

	private final Registry registry;

	ComposePage(MessageIntake intake, Registry registry) {
		this.intake = intake;
		this.registry = registry;
	}

	@GetMapping("/compose")
	@PreAuthorize("hasRole('SENDER')")
	String form(@AuthenticationPrincipal PostbrugUser sender, Model model) {
		return show(sender, model, null, "", UUID.randomUUID().toString());
	}

	@PostMapping("/compose")
	@PreAuthorize("hasRole('SENDER')")
	String send(@AuthenticationPrincipal PostbrugUser sender,
			@RequestParam(name = "prisoner", required = false) String prisoner,
			@RequestParam(name = "text", required = false) String text,
			@RequestParam(name = "photos", required = false) List<MultipartFile> photos,
			@RequestParam(name = "idempotencyKey", required = false) String idempotencyKey, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		Receipt receipt;
		try {
			receipt = intake.submit(sender, prisoner, text, MessagesController.uploads(photos), idempotencyKey);
		}
		catch (InvalidMessage | UnknownPrisoner | ContactNotApproved ex) {
			// Nothing was stored, so the same key may be used again once the message is
			// fixed.
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("problem", ex.getMessage());
			String key = idempotencyKey == null || idempotencyKey.isBlank() ? UUID.randomUUID().toString()
					: idempotencyKey;
			return show(sender, model, prisoner, text == null ? "" : text, key);
		}
		redirect.addFlashAttribute("notice",
				receipt.duplicate() ? "This message was already sent; it is not sent twice."
						: "Your message was sent. You can follow it below.");
		return "redirect:/messages";
	}

	private String show(PostbrugUser sender, Model model, String prisoner, String text, String key) {
		List<Prisoner> prisoners = registry.approvedPrisoners(sender.contactId())
			.stream()
			.filter(Prisoner::isActive)
			.toList();
		model.addAttribute("prisoners", prisoners);
		model.addAttribute("selected",
				prisoner != null ? prisoner : prisoners.size() == 1 ? prisoners.get(0).number() : null);
		model.addAttribute("text", text);
		model.addAttribute("idempotencyKey", key);
		return "intake/compose";
	}

}
