package nl.postbrug.screening.web;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;

import nl.postbrug.intake.IllegalTransition;
import nl.postbrug.intake.MessageStatus;
import nl.postbrug.intake.Messages;
import nl.postbrug.registry.Facility;
import nl.postbrug.registry.PostbrugUser;
import nl.postbrug.registry.Registry;
import nl.postbrug.screening.Review;

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
 * The screener's review queue as a page: oldest message first, findings highlighted in the text, one
 * decision form per message.
 */
@Controller
class ReviewPage {

	private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

	record FacilityCount(String code, String name, long waiting) {
	}

	record Card(ReviewQueue.Item item, ZonedDateTime receivedAt, List<Highlights.Segment> segments) {
	}

	private final ReviewQueue queue;

	private final Review review;

	private final Registry registry;

	private final Messages messages;

	ReviewPage(ReviewQueue queue, Review review, Registry registry, Messages messages) {
		this.queue = queue;
		this.review = review;
		this.registry = registry;
		this.messages = messages;
	}

	@GetMapping("/review")
	@PreAuthorize("hasRole('SCREENER')")
	String queue(@AuthenticationPrincipal PostbrugUser screener, Model model) {
		List<FacilityCount> counts = registry.facilities()
			.stream()
			.filter(facility -> screener.canAct(facility.id()))
			.map(facility -> count(facility))
			.toList();
		List<Card> cards = queue.itemsFor(screener)
			.stream()
			.map(item -> new Card(item, item.receivedAt().atZone(ZONE), Highlights.of(item.text(), item.findings())))
			.toList();
		model.addAttribute("counts", counts);
		model.addAttribute("cards", cards);
		return "screening/review";
	}

	@PostMapping("/review/{id}")
	@PreAuthorize("hasRole('SCREENER')")
	String decide(@AuthenticationPrincipal PostbrugUser screener, @PathVariable UUID id,
			@RequestParam(name = "decision", required = false) String decision,
			@RequestParam(name = "reason", required = false) String reason, RedirectAttributes redirect) {
		try {
			MessageStatus status = review.decide(screener, id, Review.Decision.parse(decision), reason);
			redirect.addFlashAttribute("notice", "Message " + shortId(id) + " is now " + status + ".");
		}
		catch (Review.InvalidDecision | Review.OutOfScope | IllegalTransition ex) {
			// Back to the queue with the reason, so the screener can fix the form and decide again.
			redirect.addFlashAttribute("problem", ex.getMessage());
		}
		return "redirect:/review";
	}

	private FacilityCount count(Facility facility) {
		return new FacilityCount(facility.code(), facility.name(), messages.count(MessageStatus.IN_REVIEW, facility.id()));
	}

	private static String shortId(UUID id) {
		return id.toString().substring(0, 8);
	}

}
