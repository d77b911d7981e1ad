package nl.postbrug.delivery.web;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import nl.postbrug.delivery.Replies;
import nl.postbrug.registry.PostbrugUser;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
class RepliesController {

	private final Replies replies;

	RepliesController(Replies replies) {
		this.replies = replies;
	}

	record Upload(List<Replies.PageResult> results) {
	}

	record Settle(String code, Boolean secondPage) {
	}

	@PostMapping("/api/v1/replies")
	@PreAuthorize("hasRole('POSTROOM')")
	Upload upload(@AuthenticationPrincipal PostbrugUser staff,
			@RequestParam(name = "file", required = false) MultipartFile file,
			@RequestParam(name = "secondPage", required = false, defaultValue = "false") boolean secondPage)
			throws IOException {
		if (file == null || file.isEmpty()) {
			throw new BadScanRequest("delivery.problem.no-file",
					"file is missing: send the scanned reply sheets (PDF, PNG or JPEG) as the multipart part 'file'");
		}
		return new Upload(replies.receive(file.getBytes(), Replies.Receiver.staff(staff), Replies.UPLOAD, secondPage));
	}

	@GetMapping("/api/v1/replies/pages")
	@PreAuthorize("hasRole('POSTROOM')")
	List<Replies.QueuedPage> queued(@AuthenticationPrincipal PostbrugUser staff) {
		return replies.queuedFor(staff);
	}

	@PostMapping("/api/v1/replies/pages/{id}")
	@PreAuthorize("hasRole('POSTROOM')")
	Replies.PageResult settle(@AuthenticationPrincipal PostbrugUser staff, @PathVariable UUID id,
			@RequestBody Settle request) {
		return replies.settle(id, request.code(), Boolean.TRUE.equals(request.secondPage()), staff);
	}

	@GetMapping("/api/v1/replies/{id}/pdf")
	@PreAuthorize("hasAnyRole('SENDER', 'SCREENER')")
	ResponseEntity<byte[]> pdf(@AuthenticationPrincipal PostbrugUser user, @PathVariable UUID id) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"reply-" + id + ".pdf\"")
			.cacheControl(CacheControl.noStore())
			.body(replies.pdfFor(user, id));
	}

}
