package nl.postbrug.intake.mail;

import nl.postbrug.intake.IntakeReason;
import nl.postbrug.intake.IntakeSettings;

/**
 * The limits on a mail's raw bytes, checked in one pass before any parser sees them: the
 * whole size, the longest line, and the number and length (continuation lines included)
 * of the fields in the mail's own header block. A mail beyond them is never parsed.
 */
final class RawMailBounds {

	private final long maxMailBytes;

	private final MailSettings limits;

	RawMailBounds(IntakeSettings settings, MailSettings limits) {
		this.maxMailBytes = settings.maxMailBytes();
		this.limits = limits;
	}

	/** Throws {@link MailRefused} with the first limit the mail breaks. */
	void check(byte[] raw) {
		if (raw.length > maxMailBytes) {
			throw new MailRefused(IntakeReason.MAIL_TOO_LARGE.with(raw.length / 1024, maxMailBytes / 1024));
		}
		int lineLength = 0;
		boolean inHeaders = true;
		int fields = 0;
		int fieldLength = 0;
		for (int i = 0; i < raw.length; i++) {
			byte b = raw[i];
			if (b == '\n') {
				if (inHeaders) {
					int content = lineLength - (i > 0 && raw[i - 1] == '\r' ? 1 : 0);
					if (content == 0) {
						inHeaders = false;
					}
				}
				lineLength = 0;
				continue;
			}
			if (inHeaders && lineLength == 0 && b != '\r') {
				if (b == ' ' || b == '\t') {
					fieldLength += 1;
				}
				else {
					if (++fields > limits.maxHeaders()) {
						throw new MailRefused(IntakeReason.MAIL_TOO_MANY_HEADERS.with(limits.maxHeaders()));
					}
					fieldLength = 0;
				}
			}
			lineLength++;
			if (lineLength > limits.maxLineLength()) {
				throw new MailRefused(IntakeReason.MAIL_LINE_TOO_LONG.with(limits.maxLineLength()));
			}
			if (inHeaders && ++fieldLength > limits.maxHeaderLength()) {
				throw new MailRefused(IntakeReason.MAIL_HEADER_TOO_LONG.with(limits.maxHeaderLength()));
			}
		}
	}

}
