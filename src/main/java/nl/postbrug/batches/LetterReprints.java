package nl.postbrug.batches;

import java.nio.file.Path;
import java.time.Clock;
import java.time.temporal.ChronoUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import nl.postbrug.batches.printer.Printers;
import nl.postbrug.intake.MessageStatus;
import nl.postbrug.intake.Messages;
import nl.postbrug.letters.CopyCodes;
import nl.postbrug.letters.LetterRendering;
import nl.postbrug.letters.RenderOptions;
import nl.postbrug.letters.RenderedLetter;
import nl.postbrug.registry.Facility;
import nl.postbrug.registry.Registry;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Prints one letter again under a new copy code and voids the old one, so the damaged or
 * lost copy can no longer be scanned as delivered; a letter that had a reply sheet gets
 * it again after the letter, as in its batch. The message's state does not change.
 */
@Component
class LetterReprints {

	private static final Logger log = LoggerFactory.getLogger(LetterReprints.class);

	private final LetterStore letters;

	private final Messages messages;

	private final Registry registry;

	private final LetterContents contents;

	private final LetterRendering rendering;

	private final Printers printers;

	private final PdfStore pdfs;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	LetterReprints(LetterStore letters, Messages messages, Registry registry, LetterContents contents,
			LetterRendering rendering, Printers printers, PdfStore pdfs, ApplicationEventPublisher events,
			TransactionTemplate transactions, Clock clock) {
		this.letters = letters;
		this.messages = messages;
		this.registry = registry;
		this.contents = contents;
		this.rendering = rendering;
		this.printers = printers;
		this.pdfs = pdfs;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * @param letter a letter of the actor's facilities
	 * @return the new copy code
	 * @throws Batches.CannotReprint when the letter's message is not (or no longer)
	 * PRINTED
	 */
	String reprint(LetterStore.LetterInfo letter, String actor) {
		long letterId = letter.id();
		var message = messages.get(letter.messageId());
		if (message.purged()) {
			throw new PurgedContent(PurgedContent.Kind.LETTER, letterId, message.purgedAt());
		}
		MessageStatus status = message.status();
		if (status != MessageStatus.PRINTED) {
			throw new Batches.CannotReprint(
					status == MessageStatus.APPROVED ? "batches.cannot.letter-not-printed"
							: "batches.cannot.letter-handed-over",
					"Letter " + letterId + " cannot be reprinted: its message is " + status
							+ (status == MessageStatus.APPROVED ? " and its batch has not been printed yet" : ""),
					letterId);
		}
		Facility facility = registry.facility(letter.facilityId());
		String code = CopyCodes.newCode();
		int copyNo = letter.lastCopy() + 1;
		String voided = transactions.execute(tx -> {
			String old = letters.currentCode(letterId);
			letters.voidCopies(letterId);
			letters.insertCopy(code, letterId, copyNo, clock.instant().truncatedTo(ChronoUnit.MILLIS));
			events.publishEvent(new LetterReprinted(letterId, old, code, actor));
			return old;
		});
		// the reply sheet comes again with its code unchanged: it names the message, not
		// the copy, so a sheet already written on still counts
		RenderedLetter rendered = rendering.renderForPrint(contents.of(letter.messageId(), code, letter.replyCode()),
				facility.printer().greyscalePhotos() ? RenderOptions.GREYSCALE_PHOTOS : RenderOptions.DEFAULT,
				facility.printer().duplex());
		String key = PdfStore.reprintKey(facility.code(), letterId, copyNo);
		pdfs.store(key, rendered.pdf());
		letters.copyPrinted(code, key);
		Path pdf = pdfs.local(key).orElseThrow();
		printers.forFacility(facility).submit(pdf, facility.code() + "-letter-" + letterId + "-copy-" + copyNo);
		log.info("Letter {} reprinted as {}; {} is void", letterId, code, voided);
		return code;
	}

}
