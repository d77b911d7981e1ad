package nl.postbrug.registry.web;

import nl.postbrug.registry.PostbrugUser;
import nl.postbrug.registry.Role;

import jakarta.servlet.http.HttpSession;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.web.WebAttributes;
import org.springframework.ui.Model;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The sign-in page, and the front door that sends each user to where their work starts.
 */
@Controller
class HomePage {

	@GetMapping("/login")
	String login(HttpSession session, Model model) {
		Object failure = session == null ? null : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
		model.addAttribute("locked", failure instanceof LockedException);
		return "registry/login";
	}

	@GetMapping("/")
	@PreAuthorize("isAuthenticated()")
	String home(@AuthenticationPrincipal PostbrugUser user) {
		String start = startPage(user);
		return start == null ? "registry/home" : "redirect:" + start;
	}

	/**
	 * Where a user's work starts; {@code null} for a user with no role that has pages.
	 */
	static String startPage(PostbrugUser user) {
		if (user == null) {
			return null;
		}
		if (user.isRelative() || user.has(Role.SENDER)) {
			return "/messages";
		}
		if (user.has(Role.SCREENER)) {
			return "/review";
		}
		if (user.has(Role.POSTROOM)) {
			return "/postroom";
		}
		if (user.has(Role.AUDITOR)) {
			return "/audit";
		}
		if (user.has(Role.FACILITY_ADMIN)) {
			return "/postroom";
		}
		return null;
	}

}
