package nl.postbrug.screening;

import nl.postbrug.intake.Reason;

/**
 * The reason codes screening gives a sender, each with its text in
 * {@code i18n/screening.properties} (Dutch) and {@code i18n/screening_en.properties}
 * (English) under {@code reason.<code>}. They say what was wrong in terms the sender can
 * act on, never which rule or word found it.
 */
enum ScreeningReason {

	/** {0} the sender's address. */
	NOT_A_CONTACT("sender.not-a-contact"), UNVERIFIED("sender.unverified"), UNADDRESSABLE("message.unaddressable"),
	/** {0} registry number. */
	NOT_APPROVED("sender.not-approved"),
	/** {0} registry number. */
	PRISONER_GONE("prisoner.not-present"), EMPTY("message.empty"),
	/** {0} characters, {1} the limit. */
	TOO_LONG("message.too-long"), RATE_LIMIT("screening.rate-limit"), CONTENT("screening.content"),
	/**
	 * {0} the {@link RejectReason} a screener chose; its text is
	 * {@code reason.screener.listed.<code>}.
	 */
	LISTED("screener.listed"),
	/** {0} the screener's own words. */
	OWN_WORDS("screener.own-words");

	private final String code;

	ScreeningReason(String code) {
		this.code = code;
	}

	String code() {
		return code;
	}

	Reason with(Object... args) {
		return Reason.of(code, args);
	}

}
