package nl.postbrug.screening.web;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.UUID;

import nl.postbrug.delivery.IllegalReplyTransition;
import nl.postbrug.delivery.Replies;
import nl.postbrug.delivery.ReplyStatus;
import nl.postbrug.intake.IllegalTransition;
import nl.postbrug.letters.ReplyPages;
import nl.postbrug.intake.MessageStatus;
import nl.postbrug.intake.Messages;
import nl.postbrug.registry.Facility;
import nl.postbrug.registry.OutOfScope;
import nl.postbrug.registry.PostbrugUser;
import nl.postbrug.registry.Registry;
import nl.postbrug.screening.RejectReason;
import nl.postbrug.screening.ReplyScreening;
import nl.postbrug.screening.Review;

import org.springframework.context.MessageSource;
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
 * The screener's review queue as a page: oldest message first, findings highlighted in
 * the text, one decision form per message.
 */
@Controller
class ReviewPage {

	record FacilityCount(String code, String name, long waiting, String oldest) {
	}

	record Card(ReviewQueue.Item item, ZonedDateTime receivedAt, List<Highlights.Segment> segments,
			List<Integer> photos) {
	}

	private final ReviewQueue queue;

	private final Review review;

	private final Registry registry;

	private final Messages messages;

	private final Clock clock;

	private final MessageSource bundles;

	private final ReplyScreening replies;

	private final Replies replyScans;

	ReviewPage(ReviewQueue queue, Review review, Registry registry, Messages messages, Clock clock,
			MessageSource bundles, ReplyScreening replies, Replies replyScans) {
		this.replies = replies;
		this.replyScans = replyScans;
		this.bundles = bundles;
		this.clock = clock;
		this.queue = queue;
		this.review = review;
		this.registry = registry;
		this.messages = messages;
	}

	@GetMapping("/review")
	@PreAuthorize("hasRole('SCREENER')")
	String queue(@AuthenticationPrincipal PostbrugUser screener,
			@RequestParam(name = "order", required = false) String order, Model model) {
		ReviewQueue.Order chosen = ReviewQueue.Order.parse(order);
		// Times are shown in the facility's own zone, as its staff read a clock.
		Map<String, ZoneId> zones = registry.facilities()
			.stream()
			.collect(Collectors.toMap(Facility::code, Facility::zone));
		List<Card> cards = queue.itemsFor(screener, chosen)
			.stream()
			.map(item -> new Card(item, item.receivedAt().atZone(zones.getOrDefault(item.facility(), clock.getZone())),
					Highlights.of(item.text(), item.findings()),
					java.util.stream.IntStream.range(0, item.photos()).boxed().toList()))
			.toList();
		List<FacilityCount> counts = registry.facilities()
			.stream()
			.filter(facility -> screener.canAct(facility.id()))
			.map(facility -> count(facility, cards))
			.toList();
		model.addAttribute("counts", counts);
		model.addAttribute("cards", cards);
		model.addAttribute("order", chosen.name().toLowerCase(java.util.Locale.ROOT));
		model.addAttribute("rejectReasons", RejectReason.values());
		return "screening/review";
	}

	/** A photo of a message in review, as stored after intake re-encoded it. */
	@GetMapping("/review/{id}/photos/{index}")
	@PreAuthorize("hasRole('SCREENER')")
	org.springframework.http.ResponseEntity<byte[]> photo(@AuthenticationPrincipal PostbrugUser screener,
			@PathVariable UUID id, @PathVariable int index) {
		var message = messages.find(id).orElseThrow(() -> new OutOfScope(OutOfScope.Kind.MESSAGE, id));
		if (message.facilityId() == null || !screener.canAct(message.facilityId())) {
			throw new OutOfScope(OutOfScope.Kind.MESSAGE, id);
		}
		var photos = messages.photos(id);
		if (index < 0 || index >= photos.size()) {
			throw new OutOfScope(OutOfScope.Kind.MESSAGE, id);
		}
		var photo = photos.get(index);
		return org.springframework.http.ResponseEntity.ok()
			.contentType(org.springframework.http.MediaType.parseMediaType(photo.contentType()))
			.header("Cache-Control", "no-store")
			.header("X-Content-Type-Options", "nosniff")
			.body(photo.data());
	}

	/**
	 * The writing area of a reply in review, as PNG, for the screener to read the
	 * handwriting.
	 */
	@GetMapping("/review/{id}/reply.png")
	@PreAuthorize("hasRole('SCREENER')")
	org.springframework.http.ResponseEntity<byte[]> replyScan(@AuthenticationPrincipal PostbrugUser screener,
			@PathVariable UUID id) {
		var reply = replyScans.find(id)
			.filter(r -> screener.canAct(r.facilityId()))
			.orElseThrow(() -> new OutOfScope(OutOfScope.Kind.REPLY, id));
		return org.springframework.http.ResponseEntity.ok()
			.contentType(org.springframework.http.MediaType.IMAGE_PNG)
			.header("Cache-Control", "no-store")
			.header("X-Content-Type-Options", "nosniff")
			.body(ReplyPages.pngOf(replyScans.pdf(reply.id())));
	}

	@PostMapping("/review/{id}")
	@PreAuthorize("hasRole('SCREENER')")
	String decide(@AuthenticationPrincipal PostbrugUser screener, @PathVariable UUID id,
			@RequestParam(name = "decision", required = false) String decision,
			@RequestParam(name = "reason", required = false) String reason, Locale locale,
			RedirectAttributes redirect) {
		try {
			if (replies.isReply(id)) {
				ReplyStatus status = replies.decide(screener, id, Review.Decision.parse(decision), reason);
				redirect.addFlashAttribute("notice",
						bundles.getMessage("review.done.reply." + status, new Object[] { shortId(id) }, locale));
				return "redirect:/review";
			}
			MessageStatus status = review.decide(screener, id, Review.Decision.parse(decision), reason);
			redirect.addFlashAttribute("notice",
					bundles.getMessage(
							status == MessageStatus.IN_REVIEW ? "review.done.proposed" : "review.done." + status,
							new Object[] { shortId(id) }, locale));
		}
		catch (Review.InvalidDecision | OutOfScope | IllegalTransition | IllegalReplyTransition ex) {
			// Back to the queue with the reason, so the screener can fix the form and
			// decide again.
			redirect.addFlashAttribute("problem",
					nl.postbrug.ErrorResponses.words(bundles, (nl.postbrug.Worded) ex, locale));
		}
		return "redirect:/review";
	}

	private FacilityCount count(Facility facility, List<Card> cards) {
		String oldest = cards.stream()
			.filter(card -> card.item().facility().equals(facility.code()))
			.map(card -> card.item().receivedAt())
			.min(java.util.Comparator.naturalOrder())
			.map(since -> age(since, clock.instant()))
			.orElse("");
		return new FacilityCount(facility.code(), facility.name(),
				messages.count(MessageStatus.IN_REVIEW, facility.id()) + replyScans.countInReview(facility.id()),
				oldest);
	}

	/**
	 * How long a message has waited, as a screener reads it: "45 min", "3 h 10 min", "2 d
	 * 4 h".
	 */
	static String age(java.time.Instant since, java.time.Instant now) {
		java.time.Duration waited = java.time.Duration.between(since, now);
		if (waited.toDays() > 0) {
			return waited.toDays() + " d " + waited.toHoursPart() + " h";
		}
		if (waited.toHours() > 0) {
			return waited.toHours() + " h " + waited.toMinutesPart() + " min";
		}
		return Math.max(0, waited.toMinutes()) + " min";
	}

	private static String shortId(UUID id) {
		return id.toString().substring(0, 8);
	}

}
