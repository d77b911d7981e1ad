package nl.postbrug.registry.security;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import nl.postbrug.registry.PostbrugUser;

import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The code page after the password, and a member of staff's enrolment of an authenticator
 * app (the secret as text and as an otpauth:// URI, confirmed with a first code).
 */
@Controller
class SecondFactorPages {

	private final SecondFactors factors;

	private final MessageSource bundles;

	SecondFactorPages(SecondFactors factors, MessageSource bundles) {
		this.factors = factors;
		this.bundles = bundles;
	}

	@GetMapping(SecondFactorGate.CODE_PAGE)
	@PreAuthorize("isAuthenticated()")
	String codePage(HttpSession session) {
		return SecondFactorGate.pending(session) ? "registry/login-code" : "redirect:/";
	}

	@PostMapping(SecondFactorGate.CODE_PAGE)
	@PreAuthorize("isAuthenticated()")
	String code(@AuthenticationPrincipal PostbrugUser user, @RequestParam(name = "code", required = false) String code,
			HttpServletRequest request, RedirectAttributes redirect, Locale locale) {
		HttpSession session = request.getSession(false);
		if (!SecondFactorGate.pending(session)) {
			return "redirect:/";
		}
		boolean right;
		try {
			right = factors.verify(user.getUsername(), code, request.getRemoteAddr());
		}
		catch (LockedException ex) {
			// too many wrong codes or passwords: the half-open session ends
			session.invalidate();
			SecurityContextHolder.clearContext();
			return "redirect:/login?error";
		}
		if (!right) {
			redirect.addFlashAttribute("problem", bundles.getMessage("security.code.wrong", null, locale));
			return "redirect:" + SecondFactorGate.CODE_PAGE;
		}
		SecondFactorGate.passed(session);
		return "redirect:/";
	}

	@GetMapping(SecondFactorGate.ENROL_PAGE)
	@PreAuthorize("isAuthenticated() and !hasRole('SENDER')")
	String enrolPage(@AuthenticationPrincipal PostbrugUser user, HttpSession session, Model model) {
		model.addAttribute("enrolment", factors.enrolment(user.getUsername()).orElse(null));
		model.addAttribute("required", SecondFactorGate.pending(session));
		return "registry/second-factor";
	}

	@PostMapping(SecondFactorGate.ENROL_PAGE)
	@PreAuthorize("isAuthenticated() and !hasRole('SENDER')")
	String enrol(@AuthenticationPrincipal PostbrugUser user, @RequestParam(name = "code", required = false) String code,
			HttpServletRequest request, RedirectAttributes redirect, Locale locale) {
		if (!factors.confirm(user.getUsername(), code, request.getRemoteAddr())) {
			redirect.addFlashAttribute("problem", bundles.getMessage("security.code.wrong", null, locale));
			return "redirect:" + SecondFactorGate.ENROL_PAGE;
		}
		HttpSession session = request.getSession(false);
		boolean wasRequired = SecondFactorGate.pending(session);
		if (wasRequired) {
			SecondFactorGate.passed(session);
		}
		redirect.addFlashAttribute("notice", bundles.getMessage("security.second-factor.enrolled", null, locale));
		return wasRequired ? "redirect:/" : "redirect:/account";
	}

}
