package nl.postbrug.intake.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import nl.postbrug.intake.ContactNotApproved;
import nl.postbrug.intake.IntakeSettings;
import nl.postbrug.intake.InvalidMessage;
import nl.postbrug.intake.MessageIntake;
import nl.postbrug.intake.Reason;
import nl.postbrug.intake.Receipt;
import nl.postbrug.registry.PostbrugUser;
import nl.postbrug.registry.Prisoner;
import nl.postbrug.registry.Registry;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The web portal's form for a new message. Each rendering of the form carries a fresh
 * idempotency key, so a double click or a resubmitted POST stores the message once. A
 * refused message comes back with what was typed, the error at its field and a summary at
 * the top.
 */
@Controller
class ComposePage {

	private final MessageIntake intake;

	private final Registry registry;

	private final IntakeSettings settings;

	private final IntakeTexts texts;

	private final LetterPreview preview;

	ComposePage(MessageIntake intake, Registry registry, IntakeSettings settings, MessageSource bundles,
			LetterPreview preview) {
		this.preview = preview;
		this.intake = intake;
		this.registry = registry;
		this.settings = settings;
		this.texts = new IntakeTexts(bundles);
	}

	@GetMapping("/compose")
	@PreAuthorize("hasRole('SENDER')")
	String form(@AuthenticationPrincipal PostbrugUser sender, Model model) {
		return show(sender, model, null, "", UUID.randomUUID().toString(), Map.of());
	}

	@PostMapping("/compose")
	@PreAuthorize("hasRole('SENDER')")
	String send(@AuthenticationPrincipal PostbrugUser sender,
			@RequestParam(name = "prisoner", required = false) String prisoner,
			@RequestParam(name = "text", required = false) String text,
			@RequestParam(name = "photos", required = false) List<MultipartFile> photos,
			@RequestParam(name = "idempotencyKey", required = false) String idempotencyKey,
			@RequestParam(name = "replySheet", required = false) Boolean replySheet, Locale locale, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		Receipt receipt;
		try {
			// unticked: the facility's default decides
			receipt = intake.submit(sender, prisoner, text, MessagesController.uploads(photos), idempotencyKey,
					Boolean.TRUE.equals(replySheet) ? Boolean.TRUE : null);
		}
		catch (InvalidMessage | ContactNotApproved ex) {
			// Nothing was stored, so the same key may be used again once the message is
			// fixed.
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			Reason reason = ex instanceof InvalidMessage invalid ? invalid.reason()
					: ((ContactNotApproved) ex).reason();
			String key = idempotencyKey == null || idempotencyKey.isBlank() ? UUID.randomUUID().toString()
					: idempotencyKey;
			return show(sender, model, prisoner, text == null ? "" : text, key,
					Map.of(field(reason), texts.reason(reason, locale)));
		}
		redirect.addFlashAttribute("notice",
				texts.get(receipt.duplicate() ? "compose.duplicate" : "compose.sent", locale));
		return "redirect:/messages";
	}

	/**
	 * The preview button of the form: the letter as PDF in a new tab, or the form again
	 * with the error at its field.
	 */
	@PostMapping("/compose/preview")
	@PreAuthorize("hasRole('SENDER')")
	ModelAndView preview(@AuthenticationPrincipal PostbrugUser sender,
			@RequestParam(name = "prisoner", required = false) String prisoner,
			@RequestParam(name = "text", required = false) String text,
			@RequestParam(name = "photos", required = false) List<MultipartFile> photos,
			@RequestParam(name = "idempotencyKey", required = false) String idempotencyKey, Locale locale, Model model,
			HttpServletResponse response) {
		try {
			byte[] pdf = preview.pdf(sender, prisoner, text, MessagesController.uploads(photos), locale);
			return new ModelAndView((View) (values, request, out) -> {
				out.setContentType(MediaType.APPLICATION_PDF_VALUE);
				out.setHeader(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"preview.pdf\"");
				out.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
				out.setContentLength(pdf.length);
				out.getOutputStream().write(pdf);
			});
		}
		catch (InvalidMessage | ContactNotApproved ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			Reason reason = ex instanceof InvalidMessage invalid ? invalid.reason()
					: ((ContactNotApproved) ex).reason();
			String key = idempotencyKey == null || idempotencyKey.isBlank() ? UUID.randomUUID().toString()
					: idempotencyKey;
			return new ModelAndView(show(sender, model, prisoner, text == null ? "" : text, key,
					Map.of(field(reason), texts.reason(reason, locale))), model.asMap());
		}
	}

	/** The form field a refusal is about, so the error is shown beside it. */
	static String field(Reason reason) {
		String code = reason.code();
		if (code.equals("invalid.no-prisoner") || code.equals("invalid.not-approved")) {
			return "prisoner";
		}
		if (code.equals("invalid.empty") || code.equals("invalid.too-long")) {
			return "text";
		}
		if (code.startsWith("photo.") || code.equals("invalid.too-many-photos")) {
			return "photos";
		}
		return "text";
	}

	private String show(PostbrugUser sender, Model model, String prisoner, String text, String key,
			Map<String, String> errors) {
		List<Prisoner> prisoners = registry.approvedPrisoners(sender.contactId())
			.stream()
			.filter(Prisoner::isActive)
			.toList();
		model.addAttribute("prisoners", prisoners);
		model.addAttribute("selected",
				prisoner != null ? prisoner : prisoners.size() == 1 ? prisoners.get(0).number() : null);
		model.addAttribute("text", text);
		model.addAttribute("idempotencyKey", key);
		model.addAttribute("errors", new LinkedHashMap<>(errors));
		model.addAttribute("maxText", settings.maxTextLength());
		model.addAttribute("maxPhotos", settings.maxPhotos());
		model.addAttribute("maxPhotoMegabytes", Math.max(1, settings.maxPhotoBytes() / (1024 * 1024)));
		model.addAttribute("maxPhotoBytes", settings.maxPhotoBytes());
		return "intake/compose";
	}

}
