package nl.postbrug.delivery;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.postbrug.batches.Batches;
import nl.postbrug.intake.IllegalTransition;
import nl.postbrug.intake.IntakeReason;
import nl.postbrug.intake.MessageStatus;
import nl.postbrug.intake.MessageStatusChanged;
import nl.postbrug.intake.MessageView;
import nl.postbrug.intake.Messages;
import nl.postbrug.registry.Prisoner;
import nl.postbrug.registry.PrisonerReleased;
import nl.postbrug.registry.PrisonerStatus;
import nl.postbrug.registry.PrisonerTransferred;
import nl.postbrug.registry.Registry;

import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Messages follow their prisoner. On a release, those approved but not printed yet (and
 * those forwarded and waiting for their new letter) end RETURNED in the release's own
 * transaction; one approved later is returned as soon as it is. On a transfer, the ones
 * not printed yet move to the new facility. Letters printed already are settled when they
 * are scanned ({@link ScanOutcome#RETURN}, {@link ScanOutcome#FORWARD}).
 */
@Component
class DeliveryListeners {

	private static final Logger log = LoggerFactory.getLogger(DeliveryListeners.class);

	private final Messages messages;

	private final Batches batches;

	private final Registry registry;

	DeliveryListeners(Messages messages, Batches batches, Registry registry) {
		this.messages = messages;
		this.batches = batches;
		this.registry = registry;
	}

	@EventListener
	void on(PrisonerReleased released) {
		int returned = 0;
		for (UUID id : messages.approvedFor(released.prisonerId())) {
			// One in a batch being printed right now is settled at its scan.
			if (!batches.hasLetter(id)) {
				messages.markReturned(id, released.actor(), IntakeReason.RETURNED_RELEASED.with());
				returned++;
			}
		}
		for (UUID id : batches.waitingForwards(released.prisonerId())) {
			messages.markReturned(id, released.actor(), IntakeReason.RETURNED_RELEASED.with());
			returned++;
		}
		log.info("Prisoner {} released: {} message(s) returned", released.number(), returned);
	}

	@EventListener
	void on(PrisonerTransferred transferred) {
		if (transferred.changesFacility()) {
			int moved = messages.followPrisoner(transferred.prisonerId(), transferred.toFacilityId());
			log.info("Prisoner {} moved from {} to {}: {} message(s) follow", transferred.number(),
					transferred.fromFacilityCode(), transferred.toFacilityCode(), moved);
		}
	}

	/** A message screened while (or after) its prisoner was released. */
	@ApplicationModuleListener
	void on(MessageStatusChanged changed) {
		if (changed.to() != MessageStatus.APPROVED) {
			return;
		}
		MessageView message = messages.find(changed.messageId()).orElse(null);
		if (message == null || message.prisonerId() == null || message.status() != MessageStatus.APPROVED) {
			return;
		}
		Prisoner prisoner = registry.prisoner(message.prisonerId());
		if (prisoner.status() == PrisonerStatus.RELEASED && !batches.hasLetter(message.id())) {
			try {
				messages.markReturned(message.id(), "system", IntakeReason.RETURNED_RELEASED.with());
			}
			catch (IllegalTransition ex) {
				log.debug("Message {} moved on meanwhile: {}", message.id(), ex.getMessage());
			}
		}
	}

}
