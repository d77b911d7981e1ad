package nl.postbrug.intake;

/**
 * The reason codes intake writes, each with its text in {@code i18n/intake.properties}
 * (Dutch) and {@code i18n/intake_en.properties} (English) under {@code reason.<code>}.
 */
public enum IntakeReason {

	// The history a sender follows, one entry per state change.
	RECEIVED_WEB("history.received.web"), RECEIVED_EMAIL("history.received.email"),
	RECEIVED_DROP_FOLDER("history.received.drop-folder"), SCREENING("history.screening"),
	IN_REVIEW("history.in-review"), APPROVED("history.approved"), WITHHELD("history.withheld"),
	/** {0} batch id, {1} facility code. */
	PRINTED("history.printed"),
	/** {0} the code of the copy handed over. */
	DELIVERED("history.delivered"),
	/** The prisoner was released before the letter could be handed over. */
	RETURNED_RELEASED("history.returned.released"),
	/** Words written before reasons were codes, kept as they were: {0} the words. */
	LEGACY("legacy"),

	// Why a mail cannot be taken at all; screening rejects it with exactly this reason.
	/** {0} size in KB, {1} limit in KB. */
	MAIL_TOO_LARGE("mail.too-large"),
	/** {0} the limit. */
	MAIL_TOO_MANY_HEADERS("mail.too-many-headers"),
	/** {0} the limit in characters. */
	MAIL_HEADER_TOO_LONG("mail.header-too-long"),
	/** {0} the limit in characters. */
	MAIL_LINE_TOO_LONG("mail.line-too-long"),
	/** {0} the limit. */
	MAIL_TOO_MANY_PARTS("mail.too-many-parts"),
	/** {0} the limit. */
	MAIL_NESTED_TOO_DEEP("mail.nested-too-deep"),
	/** {0} what the MIME parser said (for staff; the sender's text leaves it out). */
	MAIL_UNREADABLE("mail.unreadable"), MAIL_NO_SENDER("mail.no-sender"),

	// Why a mail must not be answered (automatic mail); also its rejection reason.
	/** {0} the Auto-Submitted value. */
	AUTOMATIC("mail.automatic"),
	/** {0} the Precedence value. */
	BULK("mail.bulk"), AUTO_REPLY("mail.auto-reply"), NULL_SENDER("mail.null-sender"), REPORT("mail.report"),
	/** {0} the local part (mailer-daemon, postmaster). */
	DELIVERY_REPORT("mail.delivery-report"), MAILING_LIST("mail.mailing-list"), OWN_ADDRESS("mail.own-address"),

	// Parts of a mail or upload that were not taken; the receipt lists them.
	/** {0} file name or content type. */
	PART_NOT_ALLOWED("part.not-allowed"), PART_UNREADABLE("part.unreadable"), TEXT_UNREADABLE("part.text-unreadable"),
	/** {0} the limit in KB. */
	TEXT_CUT("part.text-cut"),
	/** {0} file name. */
	ATTACHMENT_UNREADABLE("part.attachment-unreadable"),
	/** {0} file name, {1} the limit. */
	PHOTO_TOO_MANY("photo.too-many"),
	/** {0} file name. */
	PHOTO_EMPTY("photo.empty"),
	/** {0} file name, {1} size in KB, {2} limit in KB. */
	PHOTO_TOO_LARGE("photo.too-large"),
	/** {0} file name. */
	PHOTO_NOT_A_PHOTO("photo.not-a-photo"),
	/** {0} file name, {1} megapixels, {2} limit in megapixels. */
	PHOTO_TOO_MANY_PIXELS("photo.too-many-pixels"),
	/** {0} file name, {1} the format it claims (jpeg, png). */
	PHOTO_DAMAGED("photo.damaged");

	private final String code;

	IntakeReason(String code) {
		this.code = code;
	}

	public String code() {
		return code;
	}

	public Reason with(Object... args) {
		return Reason.of(code, args);
	}

}
