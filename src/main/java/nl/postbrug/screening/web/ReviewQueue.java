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
import nl.postbrug.screening.Screening;

import org.springframework.stereotype.Component;

/**
 * The messages waiting for a screener, oldest first, across the screener's facilities.
 */
@Component
class ReviewQueue {

	private static final int PER_FACILITY = 200;

	record Item(UUID id, String facility, String prisoner, String prisonerName, String sender, Instant receivedAt,
			String text, int photos, List<Finding> findings) {
	}

	private final Messages messages;

	private final Registry registry;

	private final Screening screening;

	ReviewQueue(Messages messages, Registry registry, Screening screening) {
		this.messages = messages;
		this.registry = registry;
		this.screening = screening;
	}

	List<Item> itemsFor(PostbrugUser screener) {
		List<Item> items = new ArrayList<>();
		for (Facility facility : registry.facilities()) {
			if (!screener.canAct(facility.id())) {
				continue;
			}
			for (MessageView message : messages.inState(MessageStatus.IN_REVIEW, facility.id(), PER_FACILITY)) {
				Prisoner prisoner = registry.prisoner(message.prisonerId());
				items.add(new Item(message.id(), facility.code(), prisoner.number(), prisoner.name(),
						message.senderName() + " <" + message.senderEmail() + ">", message.receivedAt(), message.body(),
						message.photoCount(), screening.findings(message.id())));
			}
		}
		items.sort(Comparator.comparing(Item::receivedAt));
		return items;
	}

}
