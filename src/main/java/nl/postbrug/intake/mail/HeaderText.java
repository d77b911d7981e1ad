package nl.postbrug.intake.mail;

import java.io.IOException;
import java.util.regex.Pattern;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

/**
 * Header values as text that is safe wherever it goes: decoded (RFC 2047, also when
 * broken), on one line (control characters, CR and LF become spaces) and clipped to a
 * length.
 */
final class HeaderText {

	private static final Pattern CONTROLS = Pattern.compile("[\\p{Cc}\\u2028\\u2029]+");

	private HeaderText() {
	}

	/**
	 * Text as one line, or {@code null} when nothing is left: controls, CR and LF become
	 * spaces.
	 */
	static String clean(String value) {
		if (value == null) {
			return null;
		}
		String clean = CONTROLS.matcher(value).replaceAll(" ").strip();
		return clean.isEmpty() ? null : clean;
	}

	/** {@link #clean(String)}, then at most {@code max} characters. */
	static String clip(String value, int max) {
		String clean = clean(value);
		if (clean == null || clean.length() <= max) {
			return clean;
		}
		int end = Character.isHighSurrogate(clean.charAt(max - 1)) ? max - 1 : max;
		return clean.substring(0, end);
	}

	/** The decoded subject on one line, or {@code null}. */
	static String subject(MimeMessage mail) {
		try {
			String raw = mail.getHeader("Subject", null);
			if (raw == null) {
				return null;
			}
			try {
				return clean(MimeUtility.decodeText(MimeUtility.unfold(raw)));
			}
			catch (IOException ex) {
				return clean(MimeUtility.unfold(raw));
			}
		}
		catch (MessagingException | RuntimeException ex) {
			return null;
		}
	}

	/** The display name of the first From address, or {@code null}. */
	static String senderName(MimeMessage mail) {
		try {
			Address[] from = mail.getFrom();
			if (from != null && from.length > 0 && from[0] instanceof InternetAddress address) {
				return clean(address.getPersonal());
			}
		}
		catch (MessagingException | RuntimeException ex) {
			// a name is nice to have
		}
		return null;
	}

	/** The first value of a header field, raw, or {@code null}. */
	static String first(MimeMessage mail, String name) {
		try {
			String[] values = mail.getHeader(name);
			return values == null || values.length == 0 ? null : values[0];
		}
		catch (MessagingException ex) {
			return null;
		}
	}

}
