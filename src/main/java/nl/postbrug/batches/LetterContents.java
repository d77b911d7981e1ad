package nl.postbrug.batches;

import java.util.UUID;

import nl.postbrug.intake.MessageView;
import nl.postbrug.intake.Messages;
import nl.postbrug.letters.LetterContent;
import nl.postbrug.registry.Facility;
import nl.postbrug.registry.Prisoner;
import nl.postbrug.registry.Registry;

import org.springframework.stereotype.Component;

/**
 * Gathers what a letter shows from the message and the registry. The prisoner's unit and
 * cell are read at print time, so a letter goes where the prisoner is now.
 */
@Component
class LetterContents {

	private final Messages messages;

	private final Registry registry;

	LetterContents(Messages messages, Registry registry) {
		this.messages = messages;
		this.registry = registry;
	}

	/** The letter with its reply sheet, when it has a reply code. */
	LetterContent of(UUID messageId, String copyCode, String replyCode) {
		LetterContent letter = of(messageId, copyCode);
		return replyCode == null ? letter : letter.withReplyCode(replyCode);
	}

	LetterContent of(UUID messageId, String copyCode) {
		MessageView message = messages.get(messageId);
		Prisoner prisoner = registry.prisoner(message.prisonerId());
		Facility facility = registry.facility(prisoner.facilityId());
		return new LetterContent(facility.name(), prisoner.name(), prisoner.number(),
				prisoner.unit() == null ? "" : prisoner.unit(), prisoner.cell(),
				message.senderName() == null ? message.senderEmail() : message.senderName(),
				message.receivedAt().atZone(facility.zone()).toLocalDate(), message.body(),
				messages.photos(messageId).stream().map(MessageView.Photo::data).toList(), copyCode);
	}

}
