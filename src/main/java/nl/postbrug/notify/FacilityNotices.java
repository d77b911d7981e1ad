package nl.postbrug.notify;

import nl.postbrug.delivery.DeliverySettings;
import nl.postbrug.intake.MessageStatus;
import nl.postbrug.intake.MessageView;
import nl.postbrug.registry.Registry;

import org.springframework.stereotype.Component;

/**
 * Whether the facility a letter was handed over or found undeliverable in tells senders
 * of that ({@link DeliverySettings}); every mail about delivery asks here first.
 */
@Component
class FacilityNotices {

	private final DeliverySettings delivery;

	private final Registry registry;

	FacilityNotices(DeliverySettings delivery, Registry registry) {
		this.delivery = delivery;
		this.registry = registry;
	}

	/**
	 * True for every change but delivery and return; for those, whether the facility the
	 * prisoner is in now tells senders.
	 */
	boolean tell(MessageView message, MessageStatus kind) {
		if (kind != MessageStatus.DELIVERED && kind != MessageStatus.RETURNED) {
			return true;
		}
		String facility = message.prisonerId() != null ? registry.prisoner(message.prisonerId()).facilityCode()
				: message.facilityId() != null ? registry.facility(message.facilityId()).code() : null;
		return kind == MessageStatus.DELIVERED ? delivery.notifyDelivered(facility) : delivery.notifyReturned(facility);
	}

}
