package nl.postbrug.intake.mail;

import java.io.ByteArrayInputStream;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;

import nl.postbrug.intake.IntakeReason;

/**
 * The sender's address from a mail's From (or Sender) header: parsed strictly, then
 * leniently, then, for broken headers ({@code Big Bug bb@bug.com}, comments inside the
 * address), as the first token that looks like a plain address. Only a plain address
 * counts: one local part, one domain, no comments, quotes, spaces or controls.
 */
final class SenderAddress {

	private static final Pattern VALID = Pattern.compile(
			"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~\\-\\u0080-\\uFFFF]{1,64}@[A-Za-z0-9\\-\\u0080-\\uFFFF]+(\\.[A-Za-z0-9\\-\\u0080-\\uFFFF]+)+");

	private static final Pattern TOKEN = Pattern.compile("[^\\s<>\"(),;:]+@[^\\s<>\"(),;:]+");

	private SenderAddress() {
	}

	/** The sender's address in lower case; {@link MailRefused} when there is none. */
	static String of(MimeMessage mail) {
		String[] values = headers(mail, "From");
		if (values == null) {
			values = headers(mail, "Sender");
		}
		if (values != null) {
			for (String value : values) {
				Optional<String> address = parse(value);
				if (address.isPresent()) {
					return address.get();
				}
			}
		}
		throw new MailRefused(IntakeReason.MAIL_NO_SENDER.with());
	}

	/**
	 * The sender of a mail that could not be parsed, from its header block read as
	 * leniently as possible; empty when none can be found.
	 */
	static Optional<String> ofUnreadable(byte[] headers) {
		try {
			InternetHeaders parsed = new InternetHeaders(new ByteArrayInputStream(headers), true);
			String from = parsed.getHeader("From", ",");
			if (from != null) {
				for (InternetAddress address : InternetAddress.parseHeader(from, false)) {
					String email = valid(address.getAddress());
					if (email != null) {
						return Optional.of(email);
					}
				}
			}
		}
		catch (MessagingException | RuntimeException ex) {
			// nothing better than "unknown"
		}
		return Optional.empty();
	}

	/** A plain address in lower case, or {@code null} when this is none. */
	static String valid(String address) {
		if (address == null) {
			return null;
		}
		String email = address.strip().toLowerCase(Locale.ROOT);
		return email.length() <= 320 && VALID.matcher(email).matches() ? email : null;
	}

	private static Optional<String> parse(String value) {
		for (boolean strict : new boolean[] { true, false }) {
			try {
				for (InternetAddress address : InternetAddress.parseHeader(value, strict)) {
					String email = valid(address.getAddress());
					if (email != null) {
						return Optional.of(email);
					}
				}
			}
			catch (MessagingException | RuntimeException ex) {
				// try the lenient reading, then the last resort
			}
		}
		Matcher token = TOKEN.matcher(value.replaceAll("\\([^()]*\\)", ""));
		while (token.find()) {
			String email = valid(token.group());
			if (email != null) {
				return Optional.of(email);
			}
		}
		return Optional.empty();
	}

	private static String[] headers(MimeMessage mail, String name) {
		try {
			return mail.getHeader(name);
		}
		catch (MessagingException ex) {
			return null;
		}
	}

}
