package nl.postbrug.registry.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import nl.postbrug.registry.AccountRefused;
import nl.postbrug.registry.Accounts;
import nl.postbrug.registry.CodeRefused;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pages a relative uses without signing in: register, enter the mailed code, ask for
 * a password reset and set a new password. Every form comes back with what was typed
 * (never a password), the error beside its field and a summary above the form.
 */
@Controller
class AccountPages {

	private final Accounts accounts;

	private final MessageSource bundles;

	AccountPages(Accounts accounts, MessageSource bundles) {
		this.accounts = accounts;
		this.bundles = bundles;
	}

	@GetMapping("/register")
	String registerForm(Model model) {
		return form(model, "registry/register", Map.of("email", "", "name", ""), Map.of());
	}

	@PostMapping("/register")
	String register(@RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String password, Locale locale, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		try {
			accounts.register(email, name, password);
		}
		catch (AccountRefused ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return form(model, "registry/register", Map.of("email", email, "name", name),
					Map.of(ex.field(), text(ex, locale)));
		}
		redirect.addAttribute("email", email.strip());
		redirect.addFlashAttribute("notice", bundles.getMessage("account.code-sent", null, locale));
		return "redirect:/register/verify";
	}

	@GetMapping("/register/verify")
	String verifyForm(@RequestParam(defaultValue = "") String email, Model model) {
		return form(model, "registry/verify", Map.of("email", email, "code", ""), Map.of());
	}

	@PostMapping("/register/verify")
	String verify(@RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String code,
			Locale locale, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		try {
			accounts.verify(email, code);
		}
		catch (CodeRefused ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return form(model, "registry/verify", Map.of("email", email, "code", code),
					Map.of("code", bundles.getMessage("account.code-refused", null, locale)));
		}
		redirect.addFlashAttribute("notice", bundles.getMessage("account.verified", null, locale));
		return "redirect:/login";
	}

	@GetMapping("/password/forgot")
	String forgotForm(Model model) {
		return form(model, "registry/forgot", Map.of("email", ""), Map.of());
	}

	@PostMapping("/password/forgot")
	String forgot(@RequestParam(defaultValue = "") String email, Locale locale, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		try {
			accounts.requestReset(email);
		}
		catch (AccountRefused ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return form(model, "registry/forgot", Map.of("email", email), Map.of(ex.field(), text(ex, locale)));
		}
		redirect.addAttribute("email", email.strip());
		redirect.addFlashAttribute("notice", bundles.getMessage("account.reset-sent", null, locale));
		return "redirect:/password/reset";
	}

	@GetMapping("/password/reset")
	String resetForm(@RequestParam(defaultValue = "") String email, Model model) {
		return form(model, "registry/reset", Map.of("email", email, "code", ""), Map.of());
	}

	@PostMapping("/password/reset")
	String reset(@RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String code,
			@RequestParam(defaultValue = "") String password, Locale locale, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		Map<String, String> typed = Map.of("email", email, "code", code);
		try {
			accounts.resetPassword(email, code, password);
		}
		catch (AccountRefused ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return form(model, "registry/reset", typed, Map.of(ex.field(), text(ex, locale)));
		}
		catch (CodeRefused ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return form(model, "registry/reset", typed,
					Map.of("code", bundles.getMessage("account.code-refused", null, locale)));
		}
		redirect.addFlashAttribute("notice", bundles.getMessage("account.password-set", null, locale));
		return "redirect:/login";
	}

	private String form(Model model, String view, Map<String, String> typed, Map<String, String> errors) {
		model.addAttribute("typed", typed);
		model.addAttribute("errors", new LinkedHashMap<>(errors));
		model.addAttribute("minLength", accounts.passwordMinLength());
		return view;
	}

	private String text(AccountRefused ex, Locale locale) {
		return bundles.getMessage(ex.key(), ex.args(), locale);
	}

}
