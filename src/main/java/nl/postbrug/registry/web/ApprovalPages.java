package nl.postbrug.registry.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import nl.postbrug.registry.AccountRefused;
import nl.postbrug.registry.ApprovalRequests;
import nl.postbrug.registry.NoSuchApprovalRequest;
import nl.postbrug.registry.PostbrugUser;

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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A relative's requests to write to a prisoner ({@code /approvals}), and the facility
 * administrator's list of pending requests with approve and refuse
 * ({@code /staff/approvals}).
 */
@Controller
class ApprovalPages {

	private final ApprovalRequests requests;

	private final MessageSource bundles;

	ApprovalPages(ApprovalRequests requests, MessageSource bundles) {
		this.requests = requests;
		this.bundles = bundles;
	}

	@GetMapping("/approvals")
	@PreAuthorize("hasRole('SENDER')")
	String mine(@AuthenticationPrincipal PostbrugUser relative, Model model) {
		return mine(relative, model, Map.of("prisoner", "", "relationship", "", "note", ""), Map.of());
	}

	@PostMapping("/approvals")
	@PreAuthorize("hasRole('SENDER')")
	String ask(@AuthenticationPrincipal PostbrugUser relative, @RequestParam(defaultValue = "") String prisoner,
			@RequestParam(defaultValue = "") String relationship, @RequestParam(defaultValue = "") String note,
			Locale locale, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		try {
			requests.request(relative.contactId(), prisoner, relationship, note);
		}
		catch (AccountRefused ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return mine(relative, model, Map.of("prisoner", prisoner, "relationship", relationship, "note", note),
					Map.of(ex.field(), bundles.getMessage(ex.key(), ex.args(), locale)));
		}
		redirect.addFlashAttribute("notice", bundles.getMessage("approvals.asked", null, locale));
		return "redirect:/approvals";
	}

	private String mine(PostbrugUser relative, Model model, Map<String, String> typed, Map<String, String> errors) {
		model.addAttribute("requests", requests.mine(relative.contactId()));
		model.addAttribute("typed", typed);
		model.addAttribute("errors", new LinkedHashMap<>(errors));
		return "registry/approvals";
	}

	@GetMapping("/staff/approvals")
	@PreAuthorize("hasRole('FACILITY_ADMIN')")
	String pending(@AuthenticationPrincipal PostbrugUser admin, Model model) {
		model.addAttribute("pending", requests.pending(admin));
		return "registry/staff-approvals";
	}

	@PostMapping("/staff/approvals/{id}")
	@PreAuthorize("hasRole('FACILITY_ADMIN')")
	String decide(@AuthenticationPrincipal PostbrugUser admin, @PathVariable UUID id,
			@RequestParam(defaultValue = "") String decision, @RequestParam(defaultValue = "") String reason,
			Locale locale, RedirectAttributes redirect) {
		try {
			ApprovalRequests.Status status = requests.decide(id, admin, ApprovalRequestsController.decision(decision),
					reason);
			redirect.addFlashAttribute("notice", bundles.getMessage("staff.approvals.done." + status, null, locale));
		}
		catch (AccountRefused ex) {
			redirect.addFlashAttribute("problem", bundles.getMessage(ex.key(), ex.args(), locale));
		}
		catch (NoSuchApprovalRequest ex) {
			redirect.addFlashAttribute("problem", bundles.getMessage("problem.no-such-request.detail", null, locale));
		}
		return "redirect:/staff/approvals";
	}

}
