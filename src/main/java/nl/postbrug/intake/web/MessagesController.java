package nl.postbrug.intake.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import nl.postbrug.intake.MessageIntake;
import nl.postbrug.intake.MessageReplies;
import nl.postbrug.intake.MessageStatus;
import nl.postbrug.intake.MessageView;
import nl.postbrug.intake.Messages;
import nl.postbrug.intake.NoSuchMessage;
import nl.postbrug.intake.Reason;
import nl.postbrug.intake.ReasonTexts;
import nl.postbrug.intake.Receipt;
import nl.postbrug.registry.PostbrugUser;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
class MessagesController {

	private final MessageIntake intake;

	private final Messages messages;

	private final ReasonTexts texts;

	private final LetterPreview preview;

	private final ObjectProvider<MessageReplies> replies;

	MessagesController(MessageIntake intake, Messages messages, ReasonTexts texts, LetterPreview preview,
			ObjectProvider<MessageReplies> replies) {
		this.replies = replies;
		this.intake = intake;
		this.messages = messages;
		this.texts = texts;
		this.preview = preview;
	}

	record Accepted(UUID id, MessageStatus status) {
	}

	record Event(Instant at, MessageStatus status, String detail) {
	}

	/**
	 * A message as its sender follows it: {@code reason} and each event's {@code detail}
	 * in the request's language; never an internal note. {@code purgedAt}: when its
	 * content was removed at the end of its retention period ({@code null} while kept).
	 */
	record MessageStatusView(UUID id, MessageStatus status, String reason, List<Event> events, Instant purgedAt,
			List<MessageReplies.Reply> replies) {
	}

	@PostMapping(path = "/api/v1/messages", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.ACCEPTED)
	@PreAuthorize("hasRole('SENDER')")
	Accepted send(@AuthenticationPrincipal PostbrugUser sender,
			@RequestParam(name = "prisoner", required = false) String prisoner,
			@RequestParam(name = "text", required = false) String text,
			@RequestPart(name = "photos", required = false) List<MultipartFile> photos,
			@RequestParam(name = "replySheet", required = false) Boolean replySheet,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
		Receipt receipt = intake.submit(sender, prisoner, text, uploads(photos), idempotencyKey, replySheet);
		return new Accepted(receipt.id(), receipt.status());
	}

	/**
	 * The letter the message would become, as PDF, marked as a preview and with no valid
	 * copy code; checked like {@link #send} but not stored.
	 */
	@PostMapping(path = "/api/v1/messages/preview", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
			produces = MediaType.APPLICATION_PDF_VALUE)
	@PreAuthorize("hasRole('SENDER')")
	ResponseEntity<byte[]> preview(@AuthenticationPrincipal PostbrugUser sender,
			@RequestParam(name = "prisoner", required = false) String prisoner,
			@RequestParam(name = "text", required = false) String text,
			@RequestPart(name = "photos", required = false) List<MultipartFile> photos, Locale locale) {
		return pdf(preview.pdf(sender, prisoner, text, uploads(photos), locale));
	}

	static ResponseEntity<byte[]> pdf(byte[] pdf) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"preview.pdf\"")
			.cacheControl(CacheControl.noStore())
			.body(pdf);
	}

	@GetMapping("/api/v1/messages")
	@PreAuthorize("hasRole('SENDER')")
	List<MessageStatusView> mine(@AuthenticationPrincipal PostbrugUser sender, Locale locale) {
		return messages.sentBy(sender.contactId(), 200).stream().map(message -> view(message, locale)).toList();
	}

	@GetMapping("/api/v1/messages/{id}")
	MessageStatusView one(@AuthenticationPrincipal PostbrugUser user, @PathVariable UUID id, Locale locale) {
		MessageView message = messages.get(id);
		if (!MessageAccess.canSee(user, message)) {
			// The same answer as for a message that does not exist: ids are not to be
			// probed.
			throw new NoSuchMessage(id);
		}
		return view(message, locale);
	}

	private MessageStatusView view(MessageView message, Locale locale) {
		List<Event> events = messages.history(message.id())
			.stream()
			.map(change -> new Event(change.at(), change.status(), text(change.detail(), locale)))
			.toList();
		MessageReplies source = replies.getIfAvailable();
		return new MessageStatusView(message.id(), message.status(), text(message.reason(), locale), events,
				message.purgedAt(), source == null ? List.of() : source.of(message.id()));
	}

	private String text(Reason reason, Locale locale) {
		return reason == null ? null : texts.text(reason, locale);
	}

	static List<MessageIntake.Upload> uploads(List<MultipartFile> files) {
		List<MessageIntake.Upload> uploads = new ArrayList<>();
		if (files != null) {
			for (MultipartFile file : files) {
				try {
					uploads.add(new MessageIntake.Upload(
							file.getOriginalFilename() == null ? "photo" : file.getOriginalFilename(),
							file.getBytes()));
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}
		}
		return uploads;
	}

}
