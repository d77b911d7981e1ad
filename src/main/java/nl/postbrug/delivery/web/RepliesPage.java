package nl.postbrug.delivery.web;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import nl.postbrug.delivery.InvalidReplyCode;
import nl.postbrug.delivery.NoSuchReply;
import nl.postbrug.delivery.PageOutcome;
import nl.postbrug.delivery.Replies;
import nl.postbrug.letters.ScannedPages;
import nl.postbrug.registry.PostbrugUser;

import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The postroom's page for reply sheets: upload a scan of written sheets, and settle the
 * pages whose code could not be read (type it) or that carry a code used before (confirm
 * a further page, or discard).
 */
@Controller
class RepliesPage {

	/** One page of an upload with its outcome in the officer's words. */
	record Row(int page, String code, PageOutcome outcome, String title) {
	}

	private final Replies replies;

	private final MessageSource texts;

	RepliesPage(Replies replies, MessageSource texts) {
		this.replies = replies;
		this.texts = texts;
	}

	@GetMapping("/postroom/replies")
	@PreAuthorize("hasRole('POSTROOM')")
	String page(@AuthenticationPrincipal PostbrugUser staff, Model model) {
		model.addAttribute("queued", replies.queuedFor(staff));
		return "delivery/replies";
	}

	@PostMapping("/postroom/replies")
	@PreAuthorize("hasRole('POSTROOM')")
	String upload(@AuthenticationPrincipal PostbrugUser staff,
			@RequestParam(name = "file", required = false) MultipartFile file, Locale locale,
			RedirectAttributes redirect) throws IOException {
		if (file == null || file.isEmpty()) {
			redirect.addFlashAttribute("problem", texts.getMessage("bulk.refused.scan.empty", null, locale));
			return "redirect:/postroom/replies";
		}
		try {
			List<Row> rows = replies.receive(file.getBytes(), Replies.Receiver.staff(staff), Replies.UPLOAD, false)
				.stream()
				.map(r -> new Row(r.page(), r.code(), r.outcome(),
						texts.getMessage("replies.outcome." + r.outcome(), null, locale)))
				.toList();
			redirect.addFlashAttribute("rows", rows);
		}
		catch (ScannedPages.Refused ex) {
			redirect.addFlashAttribute("problem",
					texts.getMessage("bulk.refused." + ex.code(), ex.args().toArray(), ex.getMessage(), locale));
		}
		return "redirect:/postroom/replies";
	}

	@GetMapping("/postroom/replies/pages/{id}/image")
	@PreAuthorize("hasRole('POSTROOM')")
	ResponseEntity<byte[]> image(@AuthenticationPrincipal PostbrugUser staff, @PathVariable UUID id) {
		return ResponseEntity.ok()
			.contentType(MediaType.IMAGE_PNG)
			.header("Cache-Control", "no-store")
			.body(replies.queuedImage(id, staff));
	}

	@PostMapping("/postroom/replies/pages/{id}")
	@PreAuthorize("hasRole('POSTROOM')")
	String settle(@AuthenticationPrincipal PostbrugUser staff, @PathVariable UUID id,
			@RequestParam(name = "code", required = false) String code,
			@RequestParam(name = "secondPage", defaultValue = "false") boolean secondPage, Locale locale,
			RedirectAttributes redirect) {
		try {
			PageOutcome outcome = replies.settle(id, code, secondPage, staff).outcome();
			redirect.addFlashAttribute(outcome == PageOutcome.RECEIVED ? "notice" : "problem",
					texts.getMessage("replies.outcome." + outcome, null, locale));
		}
		catch (InvalidReplyCode | NoSuchReply ex) {
			redirect.addFlashAttribute("problem", texts.getMessage("replies.not-a-code", null, locale));
		}
		return "redirect:/postroom/replies";
	}

	@PostMapping("/postroom/replies/pages/{id}/discard")
	@PreAuthorize("hasRole('POSTROOM')")
	String discard(@AuthenticationPrincipal PostbrugUser staff, @PathVariable UUID id, Locale locale,
			RedirectAttributes redirect) {
		replies.discard(id, staff);
		redirect.addFlashAttribute("notice", texts.getMessage("replies.discarded", null, locale));
		return "redirect:/postroom/replies";
	}

}
