package nl.postbrug.registry.security;

import java.util.Locale;

import nl.postbrug.registry.StatusMailChoices;

import org.springframework.context.MessageSource;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import nl.postbrug.registry.PostbrugUser;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The signed-in user's own account: who they are, for a relative whether they want a mail
 * on each change of their messages' status (in the language of this page), and a way to
 * end every session they have open, for a lost phone or a postroom computer left signed
 * in.
 */
@Controller
class AccountPage {

	private final SessionCutoff cutoff;

	private final SecondFactors factors;

	private final StatusMailChoices statusMails;

	private final MessageSource texts;

	AccountPage(SessionCutoff cutoff, SecondFactors factors, StatusMailChoices statusMails, MessageSource texts) {
		this.cutoff = cutoff;
		this.factors = factors;
		this.statusMails = statusMails;
		this.texts = texts;
	}

	@GetMapping("/account")
	@PreAuthorize("isAuthenticated()")
	String account(@AuthenticationPrincipal PostbrugUser user, Model model) {
		model.addAttribute("username", user.getUsername());
		model.addAttribute("relative", user.isRelative());
		model.addAttribute("secondFactor", !user.isRelative() && factors.enrolled(user.getUsername()));
		model.addAttribute("signedOutEverywhereAt", cutoff.of(user.getUsername()).orElse(null));
		if (user.isRelative()) {
			model.addAttribute("statusMails", statusMails.of(user.contactId()).orElseThrow());
		}
		return "registry/account";
	}

	/**
	 * A relative turns mails on each status change on or off, in this page's language.
	 */
	@PostMapping("/account/status-mails")
	@PreAuthorize("hasRole('SENDER')")
	String statusMails(@AuthenticationPrincipal PostbrugUser user,
			@RequestParam(name = "statusMails", defaultValue = "false") boolean on, Locale locale,
			RedirectAttributes redirect) {
		statusMails.choose(user.contactId(), on, locale);
		redirect.addFlashAttribute("notice",
				texts.getMessage(on ? "security.status-mails.on" : "security.status-mails.off", null, locale));
		return "redirect:/account";
	}

	/** Ends this and every other page session of the account, on every node. */
	@PostMapping("/account/sign-out-everywhere")
	@PreAuthorize("isAuthenticated()")
	String signOutEverywhere(@AuthenticationPrincipal PostbrugUser user) {
		cutoff.signOutEverywhere(user.getUsername());
		return "redirect:/login?logout";
	}

}
