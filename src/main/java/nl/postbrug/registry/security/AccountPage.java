package nl.postbrug.registry.security;

import nl.postbrug.registry.PostbrugUser;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The signed-in user's own account: who they are, and a way to end every session they
 * have open, for a lost phone or a postroom computer left signed in.
 */
@Controller
class AccountPage {

	private final SessionCutoff cutoff;

	private final SecondFactors factors;

	AccountPage(SessionCutoff cutoff, SecondFactors factors) {
		this.cutoff = cutoff;
		this.factors = factors;
	}

	@GetMapping("/account")
	@PreAuthorize("isAuthenticated()")
	String account(@AuthenticationPrincipal PostbrugUser user, Model model) {
		model.addAttribute("username", user.getUsername());
		model.addAttribute("relative", user.isRelative());
		model.addAttribute("secondFactor", !user.isRelative() && factors.enrolled(user.getUsername()));
		model.addAttribute("signedOutEverywhereAt", cutoff.of(user.getUsername()).orElse(null));
		return "registry/account";
	}

	/** Ends this and every other page session of the account, on every node. */
	@PostMapping("/account/sign-out-everywhere")
	@PreAuthorize("isAuthenticated()")
	String signOutEverywhere(@AuthenticationPrincipal PostbrugUser user) {
		cutoff.signOutEverywhere(user.getUsername());
		return "redirect:/login?logout";
	}

}
