package nl.postbrug.screening.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import nl.postbrug.delivery.Replies;
import nl.postbrug.delivery.ReplyView;
import nl.postbrug.intake.MessageStatus;
import nl.postbrug.intake.MessageView;
import nl.postbrug.intake.Messages;
import nl.postbrug.registry.Facility;
import nl.postbrug.registry.PostbrugUser;
import nl.postbrug.registry.Prisoner;
import nl.postbrug.registry.Registry;
import nl.postbrug.screening.Finding;
import nl.postbrug.screening.ReplyScreening;
import nl.postbrug.screening.Review;
import nl.postbrug.screening.Screening;

import org.springframework.stereotype.Component;

/**
 * The messages waiting for a screener, oldest first, across the screener's facilities.
 */
@Component
class ReviewQueue {

	private static final int PER_FACILITY = 200;

	/**
	 * One message in the queue. {@code score} is the triage model's (0..1, {@code null}
	 * when no model scored it), {@code reasons} the signals and words that raised it, and
	 * {@code sentence} the span of the sentence that drove it.
	 */
	record Item(UUID id, String kind, String facility, String prisoner, String prisonerName, String sender,
			Instant receivedAt, String text, int photos, int risk, List<Finding> findings,
			Review.Proposal withholdProposal, Double score, List<String> reasons, Span sentence) {

		/** Rules plus model: a score of 1 weighs as much as one review finding. */
		double priority() {
			return risk + (score == null ? 0 : score * Finding.Severity.REVIEW.risk());
		}

	}

	record Span(int start, int end) {
	}

	/**
	 * The queue's order: oldest first (the default), or highest risk first and oldest
	 * among equals.
	 */
	enum Order {

		OLDEST, RISK;

		static Order parse(String value) {
			return "risk".equalsIgnoreCase(value) ? RISK : OLDEST;
		}

	}

	private final Messages messages;

	private final Registry registry;

	private final Screening screening;

	private final Review review;

	private final Replies replies;

	private final ReplyScreening replyScreening;

	ReviewQueue(Messages messages, Registry registry, Screening screening, Review review, Replies replies,
			ReplyScreening replyScreening) {
		this.replies = replies;
		this.replyScreening = replyScreening;
		this.messages = messages;
		this.registry = registry;
		this.screening = screening;
		this.review = review;
	}

	static final String MESSAGE = "MESSAGE";

	static final String REPLY = "REPLY";

	/**
	 * A reply: written by the prisoner to the message's sender, so {@code sender} names
	 * whom it goes to; no text, its scan is shown instead.
	 */
	private Item replyItem(Facility facility, ReplyView reply) {
		MessageView message = messages.get(reply.messageId());
		Prisoner prisoner = registry.prisoner(message.prisonerId());
		List<Finding> findings = replyScreening.findings(reply.id());
		int risk = findings.stream().mapToInt(f -> f.severity().risk()).sum();
		return new Item(reply.id(), REPLY, facility.code(), prisoner.number(), prisoner.name(),
				message.senderName() + " <" + message.senderEmail() + ">", reply.receivedAt(), "", 0, risk, findings,
				null, null, List.of(), null);
	}

	List<Item> itemsFor(PostbrugUser screener, Order order) {
		List<Item> items = new ArrayList<>();
		for (Facility facility : registry.facilities()) {
			if (!screener.canAct(facility.id())) {
				continue;
			}
			for (MessageView message : messages.inState(MessageStatus.IN_REVIEW, facility.id(), PER_FACILITY)) {
				Prisoner prisoner = registry.prisoner(message.prisonerId());
				List<Finding> findings = screening.findings(message.id());
				Optional<Screening.ModelScore> model = screening.modelScore(message.id());
				List<String> reasons = new ArrayList<>();
				findings.stream()
					.map(Finding::ruleId)
					.filter(rule -> rule.startsWith("signal-"))
					.distinct()
					.forEach(reasons::add);
				model.ifPresent(m -> reasons.addAll(m.terms()));
				Span sentence = model.filter(m -> m.start() != null && m.end() != null)
					.map(m -> new Span(m.start(), m.end()))
					.orElse(null);
				items.add(new Item(message.id(), MESSAGE, facility.code(), prisoner.number(), prisoner.name(),
						message.senderName() + " <" + message.senderEmail() + ">", message.receivedAt(), message.body(),
						message.photoCount(), screening.risk(message.id()), findings,
						review.withholdProposal(message.id()).orElse(null),
						model.map(Screening.ModelScore::score).orElse(null), List.copyOf(reasons), sentence));
			}
			for (ReplyView reply : replies.inReview(facility.id(), PER_FACILITY)) {
				items.add(replyItem(facility, reply));
			}
		}
		Comparator<Item> oldest = Comparator.comparing(Item::receivedAt);
		items.sort(order == Order.RISK ? Comparator.comparingDouble(Item::priority).reversed().thenComparing(oldest)
				: oldest);
		return items;
	}

}
