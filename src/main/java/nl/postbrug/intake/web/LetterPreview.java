package nl.postbrug.intake.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import nl.postbrug.intake.CheckedPhoto;
import nl.postbrug.intake.MessageIntake;
import nl.postbrug.letters.CopyCodes;
import nl.postbrug.letters.LetterContent;
import nl.postbrug.letters.LetterRendering;
import nl.postbrug.letters.RenderOptions;
import nl.postbrug.registry.Facility;
import nl.postbrug.registry.PostbrugUser;
import nl.postbrug.registry.Prisoner;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The letter a message would become, as PDF, for its sender to check: checked exactly as
 * a sent message is (nothing is stored), rendered by the batch's renderer and template
 * with the facility's photo choice, marked as a preview on every page and without a valid
 * copy code.
 */
@Component
class LetterPreview {

	private final MessageIntake intake;

	private final nl.postbrug.registry.Registry registry;

	private final LetterRendering letters;

	private final MessageSource bundles;

	private final Clock clock;

	LetterPreview(MessageIntake intake, nl.postbrug.registry.Registry registry, LetterRendering letters,
			MessageSource bundles, Clock clock) {
		this.intake = intake;
		this.registry = registry;
		this.letters = letters;
		this.bundles = bundles;
		this.clock = clock;
	}

	byte[] pdf(PostbrugUser sender, String prisonerNumber, String text, List<MessageIntake.Upload> uploads,
			Locale locale) {
		MessageIntake.Draft draft = intake.draft(sender, prisonerNumber, text, uploads);
		Prisoner prisoner = draft.prisoner();
		Facility facility = registry.facility(prisoner.facilityId());
		// The copy code is replaced in the preview; the content only needs a well-formed
		// one.
		LetterContent letter = new LetterContent(facility.name(), prisoner.name(), prisoner.number(),
				prisoner.unit() == null ? "" : prisoner.unit(), prisoner.cell(), draft.senderName(),
				LocalDate.now(clock.withZone(facility.zone())), draft.body(),
				draft.photos().stream().map(CheckedPhoto::data).toList(), CopyCodes.newCode());
		RenderOptions options = facility.printer().greyscalePhotos() ? RenderOptions.GREYSCALE_PHOTOS
				: RenderOptions.DEFAULT;
		return letters
			.preview(letter, options, bundles.getMessage("preview.mark", null, locale),
					bundles.getMessage("preview.code", null, locale))
			.pdf();
	}

}
