package nl.postbrug.intake.web;

import nl.postbrug.intake.MessageView;
import nl.postbrug.registry.PostbrugUser;

/**
 * Who may read a message: its sender, and staff of the facility it is for.
 */
final class MessageAccess {

	private MessageAccess() {
	}

	static boolean canSee(PostbrugUser user, MessageView message) {
		if (user.isRelative()) {
			return message.contactId() != null && message.contactId() == user.contactId();
		}
		return message.facilityId() != null && user.canAct(message.facilityId());
	}

}
