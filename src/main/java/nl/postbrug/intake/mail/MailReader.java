package nl.postbrug.intake.mail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import nl.postbrug.intake.Channel;
import nl.postbrug.intake.IntakeSettings;
import nl.postbrug.intake.InvalidMessage;
import nl.postbrug.intake.NewMessage;
import nl.postbrug.intake.Photos;
import nl.postbrug.registry.Contact;
import nl.postbrug.registry.Prisoner;
import nl.postbrug.registry.Registry;

import org.jsoup.Jsoup;
import org.springframework.stereotype.Component;

/**
 * Turns the bytes of one mail into a {@link NewMessage}: sender, the prisoner it is for, plain text and
 * photos. The prisoner is found, in order, from a sub-address tag ({@code post+<number>@…}), a
 * registry number in the subject, or the sender's only approved prisoner. Whatever cannot be resolved
 * stays empty for screening to explain; parts that cannot be taken are named in the received note.
 */
@Component
class MailReader {

	private static final int MAX_DEPTH = 10;

	private static final int MAX_PARTS = 100;

	private static final Pattern SUB_ADDRESS = Pattern.compile("^[^+@]+\\+([^@]+)@", Pattern.CASE_INSENSITIVE);

	private static final Pattern NUMBER_IN_SUBJECT = Pattern.compile("\\b([0-9]{4,32})\\b");

	private final Registry registry;

	private final Photos photos;

	private final IntakeSettings settings;

	private final Session session = Session.getInstance(new Properties());

	MailReader(Registry registry, Photos photos, IntakeSettings settings) {
		this.registry = registry;
		this.photos = photos;
		this.settings = settings;
	}

	NewMessage read(byte[] raw, Channel channel) {
		if (raw.length > settings.maxMailBytes()) {
			throw new InvalidMessage("The mail is " + raw.length / 1024 + " KB; the limit is "
					+ settings.maxMailBytes() / 1024 + " KB");
		}
		try {
			MimeMessage mail = new MimeMessage(session, new ByteArrayInputStream(raw));
			InternetAddress from = sender(mail);
			String email = from.getAddress().toLowerCase(Locale.ROOT);
			Optional<Contact> contact = registry.contact(email);
			String subject = mail.getSubject();
			Content content = new Content();
			collect(mail, content, 0);
			String body = content.text();
			Optional<Prisoner> prisoner = addressee(mail, subject, contact);
			String senderName = contact.map(Contact::name).orElse(from.getPersonal());
			String detail = "Received by " + (channel == Channel.IMAP ? "email" : "the drop folder")
					+ (content.refused.isEmpty() ? "" : "; not taken: " + String.join("; ", content.refused));
			return new NewMessage(channel, email, clip(senderName, 200), contact.map(Contact::id).orElse(null),
					prisoner.map(Prisoner::id).orElse(null), prisoner.map(Prisoner::facilityId).orElse(null),
					clip(recipients(mail), 200), clip(subject, 1000), body, content.photos, null, raw, sha256(raw),
					clip(detail, 1000));
		}
		catch (MessagingException | IOException ex) {
			throw new InvalidMessage("The mail cannot be read: " + ex.getMessage());
		}
	}

	private static InternetAddress sender(MimeMessage mail) throws MessagingException {
		Address[] from;
		try {
			from = mail.getFrom();
		}
		catch (MessagingException ex) {
			throw new InvalidMessage("The From header is not a valid address");
		}
		if (from == null || from.length == 0 || !(from[0] instanceof InternetAddress address)
				|| address.getAddress() == null || !address.getAddress().contains("@")) {
			throw new InvalidMessage("The mail has no sender address (From header)");
		}
		return address;
	}

	private Optional<Prisoner> addressee(MimeMessage mail, String subject, Optional<Contact> contact)
			throws MessagingException {
		for (String recipient : recipientAddresses(mail)) {
			Matcher tag = SUB_ADDRESS.matcher(recipient);
			if (tag.find()) {
				Optional<Prisoner> tagged = registry.prisoner(tag.group(1));
				if (tagged.isPresent()) {
					return tagged;
				}
			}
		}
		if (subject != null) {
			Matcher number = NUMBER_IN_SUBJECT.matcher(subject);
			while (number.find()) {
				Optional<Prisoner> named = registry.prisoner(number.group(1));
				if (named.isPresent()) {
					return named;
				}
			}
		}
		if (contact.isPresent()) {
			List<Prisoner> approved = registry.approvedPrisoners(contact.get().id());
			if (approved.size() == 1) {
				return Optional.of(approved.get(0));
			}
		}
		return Optional.empty();
	}

	private static Set<String> recipientAddresses(MimeMessage mail) throws MessagingException {
		Set<String> addresses = new LinkedHashSet<>();
		Address[] all;
		try {
			all = mail.getAllRecipients();
		}
		catch (MessagingException ex) {
			return addresses;
		}
		if (all != null) {
			for (Address address : all) {
				if (address instanceof InternetAddress internet && internet.getAddress() != null) {
					addresses.add(internet.getAddress().toLowerCase(Locale.ROOT));
				}
			}
		}
		return addresses;
	}

	private static String recipients(MimeMessage mail) throws MessagingException {
		return String.join(", ", recipientAddresses(mail));
	}

	private void collect(Part part, Content content, int depth) throws MessagingException, IOException {
		if (depth > MAX_DEPTH) {
			throw new InvalidMessage("The mail nests parts deeper than " + MAX_DEPTH + " levels");
		}
		if (++content.parts > MAX_PARTS) {
			throw new InvalidMessage("The mail has more than " + MAX_PARTS + " parts");
		}
		if (part.isMimeType("multipart/*")) {
			Multipart multipart = (Multipart) part.getContent();
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart child = multipart.getBodyPart(i);
				collect(child, content, depth + 1);
			}
			return;
		}
		String name = part.getFileName();
		boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || name != null;
		if (part.isMimeType("text/plain") && !attachment) {
			content.plain.add(text(part));
		}
		else if (part.isMimeType("text/html") && !attachment) {
			// Reduced to its text: no markup, link or remote content from a mail ever reaches a letter.
			content.html.add(Jsoup.parse(text(part)).wholeText());
		}
		else if (part.isMimeType("image/*")) {
			String label = name == null ? "inline image" : name;
			try (InputStream in = part.getInputStream()) {
				content.photos.add(photos.check(label, in.readNBytes(settings.maxPhotoBytes() + 1)));
			}
			catch (InvalidMessage ex) {
				content.refused.add(ex.getMessage());
			}
		}
		else {
			content.refused.add("attachment '" + (name == null ? part.getContentType() : name)
					+ "': only text and JPEG or PNG photos can be sent");
		}
	}

	private static String text(Part part) throws MessagingException, IOException {
		Object value;
		try {
			value = part.getContent();
		}
		catch (IOException ex) {
			// An unknown charset: read the bytes as UTF-8 (with replacement) rather than lose the text.
			try (InputStream in = part.getInputStream()) {
				return new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
		}
		return value instanceof String string ? string : "";
	}

	private static final class Content {

		int parts;

		final List<String> plain = new ArrayList<>();

		final List<String> html = new ArrayList<>();

		final List<Photos.Photo> photos = new ArrayList<>();

		final List<String> refused = new ArrayList<>();

		String text() {
			List<String> chosen = plain.isEmpty() ? html : plain;
			String text = String.join("\n\n", chosen)
				.replace("\r\n", "\n")
				.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]", "")
				.strip();
			return text.length() > 200_000 ? text.substring(0, 200_000) : text;
		}

	}

	private static String clip(String value, int max) {
		if (value == null) {
			return null;
		}
		String clean = value.replaceAll("[\\r\\n\\x00]", " ").strip();
		return clean.length() > max ? clean.substring(0, max) : clean;
	}

	static String sha256(byte[] raw) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
