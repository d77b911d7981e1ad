package nl.postbrug.screening.web;

import java.util.List;
import java.util.UUID;

import nl.postbrug.intake.MessageStatus;
import nl.postbrug.registry.PostbrugUser;
import nl.postbrug.screening.ReplyScreening;
import nl.postbrug.screening.Review;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ReviewController {

	private final ReviewQueue queue;

	private final Review review;

	private final ReplyScreening replies;

	ReviewController(ReviewQueue queue, Review review, ReplyScreening replies) {
		this.queue = queue;
		this.review = review;
		this.replies = replies;
	}

	record DecisionRequest(String decision, String reason) {
	}

	/** {@code status}: the message's or the reply's state after the decision. */
	record DecisionResult(UUID id, String status) {
	}

	@GetMapping("/api/v1/review")
	@PreAuthorize("hasRole('SCREENER')")
	List<ReviewQueue.Item> queue(@AuthenticationPrincipal PostbrugUser screener,
			@RequestParam(name = "order", required = false) String order) {
		return queue.itemsFor(screener, ReviewQueue.Order.parse(order));
	}

	@PostMapping("/api/v1/review/{id}")
	@PreAuthorize("hasRole('SCREENER')")
	DecisionResult decide(@AuthenticationPrincipal PostbrugUser screener, @PathVariable UUID id,
			@RequestBody DecisionRequest request) {
		Review.Decision decision = Review.Decision.parse(request.decision());
		if (replies.isReply(id)) {
			return new DecisionResult(id, replies.decide(screener, id, decision, request.reason()).name());
		}
		MessageStatus status = review.decide(screener, id, decision, request.reason());
		return new DecisionResult(id, status.name());
	}

}
