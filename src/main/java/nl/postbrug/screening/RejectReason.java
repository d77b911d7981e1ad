package nl.postbrug.screening;

import java.util.Locale;
import java.util.Optional;

/**
 * The reasons a screener chooses from when rejecting. They say what kind of content was
 * refused, never which rule or word found it; their words for the sender (Dutch and
 * English) are {@code reason.screener.listed.<code>} in {@code i18n/screening}.
 */
public enum RejectReason {

	CONTACT_DETAILS, THREATENING, CRIMINAL, CODED, NAMED_PERSON, PHOTO, LANGUAGE;

	public static Optional<RejectReason> of(String code) {
		if (code == null) {
			return Optional.empty();
		}
		try {
			return Optional.of(valueOf(code.strip().toUpperCase(Locale.ROOT).replace('-', '_')));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	/** The key of this reason's words in the message bundles. */
	public String textKey() {
		return "reason." + ScreeningReason.LISTED.code() + "." + name();
	}

}
