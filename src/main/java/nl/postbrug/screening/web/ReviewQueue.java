package nl.postbrug.screening.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import nl.postbrug.intake.MessageStatus;
import nl.postbrug.intake.MessageView;
import nl.postbrug.intake.Messages;
import nl.postbrug.registry.Facility;
import nl.postbrug.registry.PostbrugUser;
import nl.postbrug.registry.Prisoner;
import nl.postbrug.registry.Registry;
import nl.postbrug.screening.Finding;
import nl.postbrug.screening.Review;
import nl.postbrug.screening.Screening;

import org.springframework.stereotype.Component;

/**
 * The messages waiting for a screener, oldest first, across the screener's facilities.
 */
@Component
class ReviewQueue {

	private static final int PER_FACILITY = 200;

	record Item(UUID id, String facility, String prisoner, String prisonerName, String sender, Instant receivedAt,
			String text, int photos, int risk, List<Finding> findings, Review.Proposal withholdProposal) {
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

	ReviewQueue(Messages messages, Registry registry, Screening screening, Review review) {
		this.messages = messages;
		this.registry = registry;
		this.screening = screening;
		this.review = review;
	}

	List<Item> itemsFor(PostbrugUser screener, Order order) {
		List<Item> items = new ArrayList<>();
		for (Facility facility : registry.facilities()) {
			if (!screener.canAct(facility.id())) {
				continue;
			}
			for (MessageView message : messages.inState(MessageStatus.IN_REVIEW, facility.id(), PER_FACILITY)) {
				Prisoner prisoner = registry.prisoner(message.prisonerId());
				items.add(new Item(message.id(), facility.code(), prisoner.number(), prisoner.name(),
						message.senderName() + " <" + message.senderEmail() + ">", message.receivedAt(), message.body(),
						message.photoCount(), screening.risk(message.id()), screening.findings(message.id()),
						review.withholdProposal(message.id()).orElse(null)));
			}
		}
		Comparator<Item> oldest = Comparator.comparing(Item::receivedAt);
		items.sort(order == Order.RISK ? Comparator.comparingInt(Item::risk).reversed().thenComparing(oldest) : oldest);
		return items;
	}

}
