package nl.postbrug.intake.mail;

import nl.postbrug.Sha256;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
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
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.SharedByteArrayInputStream;

import nl.postbrug.intake.Channel;
import nl.postbrug.intake.IntakeSettings;
import nl.postbrug.intake.InvalidMessage;
import nl.postbrug.intake.NewMessage;
import nl.postbrug.intake.CheckedPhoto;
import nl.postbrug.intake.PhotoCheck;
import nl.postbrug.registry.Contact;
import nl.postbrug.registry.Prisoner;
import nl.postbrug.registry.Registry;

import org.springframework.stereotype.Component;

/**
 * Turns the bytes of one mail into a {@link NewMessage}: sender, the prisoner it is for,
 * plain text and photos. The prisoner is found, in order, from a sub-address tag
 * ({@code post+<number>@…}), a registry number in the subject, or the sender's only
 * approved prisoner. Whatever cannot be resolved stays empty for screening to explain;
 * parts that cannot be taken are named in the received note.
 * <p>
 * The work per mail is bounded before Jakarta Mail sees it: whole size, line length,
 * header count and length are checked on the raw bytes; part count and nesting while
 * walking the parts; text parts are read up to a limit, other attachments only as far as
 * their first bytes (to recognise a photo).
 */
@Component
public class MailReader {

	private static final Pattern SUB_ADDRESS = Pattern.compile("^[^+@]+\\+([^@]+)@", Pattern.CASE_INSENSITIVE);

	private static final Pattern NUMBER_IN_SUBJECT = Pattern.compile("\\b([0-9]{4,32})\\b");

	// Deliberately plain: one local part, one domain, no comments, quotes, spaces or
	// controls.
	private static final Pattern VALID_ADDRESS = Pattern.compile(
			"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~\\-\\u0080-\\uFFFF]{1,64}@[A-Za-z0-9\\-\\u0080-\\uFFFF]+(\\.[A-Za-z0-9\\-\\u0080-\\uFFFF]+)+");

	private static final Pattern ADDRESS_TOKEN = Pattern.compile("[^\\s<>\"(),;:]+@[^\\s<>\"(),;:]+");

	private static final Pattern AUTH_FAILURE = Pattern
		.compile("(?i)\\b(spf|dkim|dmarc)\\s*=\\s*(fail|softfail|permerror)\\b");

	private static final Pattern CONTROLS = Pattern.compile("[\\p{Cc}\\u2028\\u2029]+");

	private final Registry registry;

	private final PhotoCheck photos;

	private final IntakeSettings settings;

	private final MailSettings limits;

	private final Session session;

	MailReader(Registry registry, PhotoCheck photos, IntakeSettings settings, MailSettings limits) {
		this.registry = registry;
		this.photos = photos;
		this.settings = settings;
		this.limits = limits;
		Properties properties = new Properties();
		// RFC 6532: raw UTF-8 in headers; broken encoded words and unknown transfer
		// encodings are read
		// as well as they can be rather than failing the whole mail.
		properties.setProperty("mail.mime.allowutf8", "true");
		properties.setProperty("mail.mime.decodetext.strict", "false");
		properties.setProperty("mail.mime.ignoreunknownencoding", "true");
		properties.setProperty("mail.mime.parameters.strict", "false");
		properties.setProperty("mail.mime.decodefilename", "true");
		properties.setProperty("mail.mime.decodeparameters", "true");
		properties.setProperty("mail.mime.multipart.ignoremissingendboundary", "true");
		properties.setProperty("mail.mime.multipart.allowempty", "true");
		this.session = Session.getInstance(properties);
	}

	/**
	 * Reads a whole mail. Throws {@link InvalidMessage} when the mail cannot be taken at
	 * all (too big, lines or headers beyond the limits, no sender); a mail that can be
	 * taken but not delivered (too many parts, nested too deep) comes back with a
	 * {@link NewMessage#refusal()}.
	 */
	public NewMessage read(byte[] raw, Channel channel) {
		if (raw.length > settings.maxMailBytes()) {
			throw new InvalidMessage(
					"The mail is " + raw.length / 1024 + " KB; the limit is " + settings.maxMailBytes() / 1024 + " KB");
		}
		prescan(raw);
		try {
			MimeMessage mail = new MimeMessage(session, new SharedByteArrayInputStream(raw));
			String email = sender(mail);
			Optional<Contact> contact = registry.contact(email);
			String subject = clean(subject(mail));
			Content content = new Content();
			String refusal = null;
			try {
				collect(mail, content, 0);
			}
			catch (InvalidMessage ex) {
				refusal = ex.getMessage();
			}
			Optional<Prisoner> prisoner = addressee(mail, subject, contact);
			String senderName = contact.map(Contact::name).orElseGet(() -> personal(mail));
			String detail = "Received by " + (channel == Channel.IMAP ? "email" : "the drop folder")
					+ (content.refused.isEmpty() ? "" : "; not taken: " + String.join("; ", content.refused));
			return new NewMessage(channel, email, clip(senderName, 200), contact.map(Contact::id).orElse(null),
					prisoner.map(Prisoner::id).orElse(null), prisoner.map(Prisoner::facilityId).orElse(null),
					clip(recipients(mail), 200), clip(subject, 1000), refusal == null ? content.text() : "",
					refusal == null ? content.photos : List.of(), null, raw, sourceHash(raw), clip(detail, 1000),
					clip(refusal, 1000), clip(noReply(mail, email), 200), clip(authFailure(mail), 200));
		}
		catch (MessagingException | IOException ex) {
			throw new InvalidMessage("The mail cannot be read: " + clean(ex.getMessage()));
		}
	}

	/**
	 * A mail that could not be read at all, recorded with its raw bytes so that it ends
	 * visibly as rejected. Nobody is answered: whoever is in its From header may not have
	 * sent it.
	 */
	public NewMessage unreadable(byte[] raw, String reason, Channel channel) {
		String sender = lenientSender(headerBlock(raw)).orElse("unknown");
		return new NewMessage(channel, sender, null, null, null, null, null, null, "", List.of(), null, raw,
				sourceHash(raw), clip("Received by email; the mail could not be read", 1000), clip(reason, 1000),
				"the mail could not be read, so it is not answered", null);
	}

	/**
	 * A mail over the size limit, known only by its headers (the body was never
	 * downloaded). It is recorded with the headers as evidence and rejected with the
	 * reason; the sender is told.
	 */
	public NewMessage oversize(byte[] headers, long size, Channel channel) {
		String reason = "The mail is " + size / 1024 + " KB; the limit is " + settings.maxMailBytes() / 1024
				+ " KB. Send fewer or smaller photos.";
		String hash = sha256(("oversize " + size + "\n" + sourceHash(headers)).getBytes(StandardCharsets.UTF_8));
		try {
			MimeMessage mail = new MimeMessage(session, new SharedByteArrayInputStream(withBlankLine(headers)));
			String email;
			try {
				email = sender(mail);
			}
			catch (InvalidMessage ex) {
				return new NewMessage(channel, "unknown", null, null, null, null, null, null, "", List.of(), null,
						headers, hash, "Received by email; only the headers were read", reason,
						"the mail has no valid sender", null);
			}
			Optional<Contact> contact = registry.contact(email);
			String subject = clean(subject(mail));
			Optional<Prisoner> prisoner = addressee(mail, subject, contact);
			return new NewMessage(channel, email, clip(contact.map(Contact::name).orElseGet(() -> personal(mail)), 200),
					contact.map(Contact::id).orElse(null), prisoner.map(Prisoner::id).orElse(null),
					prisoner.map(Prisoner::facilityId).orElse(null), clip(recipients(mail), 200), clip(subject, 1000),
					"", List.of(), null, headers, hash,
					"Received by email; only the headers were read (" + size / 1024 + " KB is over the limit)", reason,
					clip(noReply(mail, email), 200), clip(authFailure(mail), 200));
		}
		catch (MessagingException ex) {
			return unreadable(headers, reason, channel);
		}
	}

	// --- bounds on the raw bytes
	// -------------------------------------------------------------------

	private void prescan(byte[] raw) {
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
						throw new InvalidMessage("The mail has more than " + limits.maxHeaders() + " header fields");
					}
					fieldLength = 0;
				}
			}
			lineLength++;
			if (lineLength > limits.maxLineLength()) {
				throw new InvalidMessage("A line of the mail is longer than " + limits.maxLineLength() + " characters");
			}
			if (inHeaders && ++fieldLength > limits.maxHeaderLength()) {
				throw new InvalidMessage(
						"A header field of the mail is longer than " + limits.maxHeaderLength() + " characters");
			}
		}
	}

	// --- headers
	// -----------------------------------------------------------------------------------

	private static String sender(MimeMessage mail) throws MessagingException {
		String[] values = mail.getHeader("From");
		if (values == null) {
			values = mail.getHeader("Sender");
		}
		if (values != null) {
			for (String value : values) {
				for (boolean strict : new boolean[] { true, false }) {
					try {
						for (InternetAddress address : InternetAddress.parseHeader(value, strict)) {
							String email = valid(address.getAddress());
							if (email != null) {
								return email;
							}
						}
					}
					catch (MessagingException | RuntimeException ex) {
						// try the lenient reading, then the next From header
					}
				}
				// Last resort for broken headers ("Big Bug bb@bug.com", comments inside
				// the address).
				Matcher token = ADDRESS_TOKEN.matcher(value.replaceAll("\\([^()]*\\)", ""));
				while (token.find()) {
					String email = valid(token.group());
					if (email != null) {
						return email;
					}
				}
			}
		}
		throw new InvalidMessage("The mail has no sender address (From header)");
	}

	static String valid(String address) {
		if (address == null) {
			return null;
		}
		String email = address.strip().toLowerCase(Locale.ROOT);
		return email.length() <= 320 && VALID_ADDRESS.matcher(email).matches() ? email : null;
	}

	private static Optional<String> lenientSender(byte[] headers) {
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

	private static String subject(MimeMessage mail) {
		try {
			String raw = mail.getHeader("Subject", null);
			if (raw == null) {
				return null;
			}
			try {
				return MimeUtility.decodeText(MimeUtility.unfold(raw));
			}
			catch (IOException ex) {
				return MimeUtility.unfold(raw);
			}
		}
		catch (MessagingException | RuntimeException ex) {
			return null;
		}
	}

	private static String personal(MimeMessage mail) {
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

	/** Why this mail must not be answered, or {@code null}. */
	private String noReply(MimeMessage mail, String sender) throws MessagingException {
		String auto = first(mail, "Auto-Submitted");
		if (auto != null && !auto.strip().toLowerCase(Locale.ROOT).startsWith("no")) {
			return "automatic mail (Auto-Submitted: " + clean(auto) + ")";
		}
		String precedence = first(mail, "Precedence");
		if (precedence != null
				&& precedence.strip().toLowerCase(Locale.ROOT).matches("(bulk|junk|list|auto_reply).*")) {
			return "bulk or automatic mail (Precedence: " + clean(precedence) + ")";
		}
		if (first(mail, "X-Autoreply") != null || first(mail, "X-Autorespond") != null) {
			return "an automatic reply";
		}
		String returnPath = first(mail, "Return-Path");
		if (returnPath != null && returnPath.replaceAll("\\s", "").equals("<>")) {
			return "a delivery report or automatic mail (null sender)";
		}
		try {
			if (mail.isMimeType("multipart/report") || mail.isMimeType("message/delivery-status")) {
				return "a delivery or read report";
			}
		}
		catch (MessagingException ex) {
			// a broken Content-Type is not a report
		}
		String local = sender.substring(0, sender.indexOf('@'));
		if (local.equals("mailer-daemon") || local.equals("postmaster")) {
			return "a delivery report (" + local + ")";
		}
		if (first(mail, "List-Id") != null || first(mail, "List-Unsubscribe") != null) {
			return "mailing-list mail";
		}
		if (limits.ownAddresses().contains(sender)) {
			return "mail from the system's own address";
		}
		return null;
	}

	/**
	 * SPF, DKIM or DMARC failures in any {@code Authentication-Results} or
	 * {@code Received-SPF} header. Every such header counts, not only the receiving
	 * server's: a forged failure only hurts the forger (the message goes to review), and
	 * a forged pass is never looked at.
	 */
	private static String authFailure(MimeMessage mail) throws MessagingException {
		Set<String> failures = new LinkedHashSet<>();
		String[] results = mail.getHeader("Authentication-Results");
		if (results != null) {
			for (String result : results) {
				Matcher failure = AUTH_FAILURE.matcher(result);
				while (failure.find()) {
					failures.add(failure.group(1).toLowerCase(Locale.ROOT) + "="
							+ failure.group(2).toLowerCase(Locale.ROOT));
				}
			}
		}
		String[] spf = mail.getHeader("Received-SPF");
		if (spf != null) {
			for (String value : spf) {
				String verdict = value.strip().toLowerCase(Locale.ROOT);
				if (verdict.startsWith("fail") || verdict.startsWith("softfail") || verdict.startsWith("permerror")) {
					failures.add("spf=" + verdict.split("[\\s;(]", 2)[0]);
				}
			}
		}
		return failures.isEmpty() ? null : String.join(", ", failures);
	}

	private static String first(MimeMessage mail, String name) throws MessagingException {
		String[] values = mail.getHeader(name);
		return values == null || values.length == 0 ? null : values[0];
	}

	private Optional<Prisoner> addressee(MimeMessage mail, String subject, Optional<Contact> contact) {
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

	private static Set<String> recipientAddresses(MimeMessage mail) {
		Set<String> addresses = new LinkedHashSet<>();
		for (String name : new String[] { "To", "Cc", "Delivered-To", "X-Original-To" }) {
			try {
				String[] values = mail.getHeader(name);
				if (values == null) {
					continue;
				}
				for (String value : values) {
					for (InternetAddress address : InternetAddress.parseHeader(value, false)) {
						String email = valid(address.getAddress());
						if (email != null && addresses.size() < 20) {
							addresses.add(email);
						}
					}
				}
			}
			catch (MessagingException | RuntimeException ex) {
				// a broken recipient header does not make the mail unreadable
			}
		}
		return addresses;
	}

	private static String recipients(MimeMessage mail) {
		return String.join(", ", recipientAddresses(mail));
	}

	// --- body
	// --------------------------------------------------------------------------------------

	private void collect(Part part, Content content, int depth) throws MessagingException, IOException {
		if (depth > limits.maxDepth()) {
			throw new InvalidMessage("The mail nests parts deeper than " + limits.maxDepth() + " levels");
		}
		if (++content.parts > limits.maxParts()) {
			throw new InvalidMessage("The mail has more than " + limits.maxParts() + " parts");
		}
		if (isType(part, "multipart/*")) {
			Object value;
			try {
				value = part.getContent();
			}
			catch (MessagingException | IOException | RuntimeException ex) {
				content.refused.add("a part that could not be read");
				return;
			}
			if (!(value instanceof Multipart multipart)) {
				content.refused.add("a part that could not be read");
				return;
			}
			int count;
			try {
				count = multipart.getCount();
			}
			catch (MessagingException | RuntimeException ex) {
				content.refused.add("a part that could not be read");
				return;
			}
			for (int i = 0; i < count; i++) {
				BodyPart child = multipart.getBodyPart(i);
				collect(child, content, depth + 1);
			}
			return;
		}
		String name = fileName(part);
		boolean attachment = name != null || Part.ATTACHMENT.equalsIgnoreCase(disposition(part));
		if (isType(part, "text/plain") && !attachment) {
			content.plain.add(text(part, content));
		}
		else if (isType(part, "text/html") && !attachment) {
			content.html.add(HtmlText.of(text(part, content)));
		}
		else if (!takePhoto(part, name, content)) {
			content.refused.add("attachment '" + clip(name == null ? baseType(part) : name, 100)
					+ "': only text and JPEG or PNG photos can be sent");
		}
	}

	/**
	 * A leaf part becomes a photo when its bytes say JPEG or PNG, whatever it is
	 * labelled.
	 */
	private boolean takePhoto(Part part, String name, Content content) {
		String label = clip(name == null ? "inline image" : name, 100);
		try (InputStream in = part.getInputStream()) {
			byte[] head = in.readNBytes(8);
			if (!PhotoCheck.isPhoto(head)) {
				return false;
			}
			if (content.photos.size() >= settings.maxPhotos()) {
				content.refused
					.add("photo '" + label + "': a message can carry at most " + settings.maxPhotos() + " photos");
				return true;
			}
			byte[] rest = in.readNBytes(settings.maxPhotoBytes() + 1 - head.length);
			byte[] bytes = new byte[head.length + rest.length];
			System.arraycopy(head, 0, bytes, 0, head.length);
			System.arraycopy(rest, 0, bytes, head.length, rest.length);
			content.photos.add(photos.check(label, bytes));
		}
		catch (InvalidMessage ex) {
			content.refused.add(ex.getMessage());
		}
		catch (MessagingException | IOException | RuntimeException ex) {
			content.refused.add("attachment '" + label + "' could not be read");
		}
		return true;
	}

	private String text(Part part, Content content) {
		byte[] bytes;
		try (InputStream in = part.getInputStream()) {
			bytes = in.readNBytes(limits.maxTextBytes() + 1);
		}
		catch (MessagingException | IOException | RuntimeException ex) {
			content.refused.add("a text part that could not be read");
			return "";
		}
		if (bytes.length > limits.maxTextBytes()) {
			content.refused.add("text beyond " + limits.maxTextBytes() / 1024 + " KB in one part");
			bytes = java.util.Arrays.copyOf(bytes, limits.maxTextBytes());
		}
		return Charsets.decode(bytes, declaredCharset(part));
	}

	private static String declaredCharset(Part part) {
		try {
			String type = part.getContentType();
			return type == null ? null : new ContentType(type).getParameter("charset");
		}
		catch (MessagingException | RuntimeException ex) {
			return null;
		}
	}

	private static boolean isType(Part part, String type) {
		try {
			return part.isMimeType(type);
		}
		catch (MessagingException | RuntimeException ex) {
			return false;
		}
	}

	private static String baseType(Part part) {
		try {
			return new ContentType(part.getContentType()).getBaseType().toLowerCase(Locale.ROOT);
		}
		catch (MessagingException | RuntimeException ex) {
			return "an unknown type";
		}
	}

	private static String fileName(Part part) {
		try {
			return clean(part.getFileName());
		}
		catch (MessagingException | RuntimeException ex) {
			return "unnamed";
		}
	}

	private static String disposition(Part part) {
		try {
			return part.getDisposition();
		}
		catch (MessagingException | RuntimeException ex) {
			return null;
		}
	}

	private static final class Content {

		int parts;

		final List<String> plain = new ArrayList<>();

		final List<String> html = new ArrayList<>();

		final List<CheckedPhoto> photos = new ArrayList<>();

		final List<String> refused = new ArrayList<>();

		String text() {
			List<String> chosen = plain.isEmpty() ? html : plain;
			String text = String.join("\n\n", chosen)
				.replace("\r\n", "\n")
				.replace('\r', '\n')
				.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]", "")
				.strip();
			return text.length() > 200_000 ? text.substring(0, 200_000) : text;
		}

	}

	// --- helpers
	// -----------------------------------------------------------------------------------

	/**
	 * Header text as one line: controls, CR and LF become spaces, so it is safe wherever
	 * it goes.
	 */
	static String clean(String value) {
		if (value == null) {
			return null;
		}
		String clean = CONTROLS.matcher(value).replaceAll(" ").strip();
		return clean.isEmpty() ? null : clean;
	}

	private static String clip(String value, int max) {
		String clean = clean(value);
		if (clean == null) {
			return null;
		}
		if (clean.length() <= max) {
			return clean;
		}
		int end = Character.isHighSurrogate(clean.charAt(max - 1)) ? max - 1 : max;
		return clean.substring(0, end);
	}

	private static byte[] headerBlock(byte[] raw) {
		int end = headerEnd(raw);
		return java.util.Arrays.copyOf(raw, Math.min(end, 262_144));
	}

	private static byte[] withBlankLine(byte[] headers) {
		byte[] blank = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
		byte[] all = java.util.Arrays.copyOf(headers, headers.length + blank.length);
		System.arraycopy(blank, 0, all, headers.length, blank.length);
		return all;
	}

	/**
	 * Offset just past the blank line that ends the header block, or the length if there
	 * is none.
	 */
	private static int headerEnd(byte[] raw) {
		for (int i = 0; i < raw.length; i++) {
			if (raw[i] == '\n') {
				int next = i + 1;
				if (next < raw.length && raw[next] == '\n') {
					return next + 1;
				}
				if (next + 1 < raw.length && raw[next] == '\r' && raw[next + 1] == '\n') {
					return next + 2;
				}
			}
		}
		return raw.length;
	}

	private static final Set<String> TRACE_FIELDS = Set.of("received", "return-path", "delivered-to", "x-original-to",
			"authentication-results", "received-spf", "x-received", "x-envelope-from", "x-envelope-to");

	/**
	 * SHA-256 of the mail without the fields each delivery adds (Received, Return-Path,
	 * Delivered-To, Authentication-Results, ARC seals) and with line ends normalised: the
	 * same mail delivered twice, or once by IMAP and once through the drop folder, has
	 * the same hash.
	 */
	public static String sourceHash(byte[] raw) {
		MessageDigest digest = Sha256.digest();
		int end = headerEnd(raw);
		int start = 0;
		boolean keep = true;
		for (int i = 0; i <= end && start < end; i++) {
			if (i == end || raw[i] == '\n') {
				int lineEnd = Math.min(i + 1, end);
				boolean continuation = raw[start] == ' ' || raw[start] == '\t';
				if (!continuation) {
					int colon = start;
					while (colon < lineEnd && raw[colon] != ':') {
						colon++;
					}
					String field = new String(raw, start, colon - start, StandardCharsets.ISO_8859_1).strip()
						.toLowerCase(Locale.ROOT);
					keep = !TRACE_FIELDS.contains(field) && !field.startsWith("arc-");
				}
				if (keep) {
					digestNormalised(digest, raw, start, lineEnd);
				}
				start = i + 1;
			}
		}
		digestNormalised(digest, raw, end, raw.length);
		return HexFormat.of().formatHex(digest.digest());
	}

	private static void digestNormalised(MessageDigest digest, byte[] raw, int from, int to) {
		int run = from;
		for (int i = from; i < to; i++) {
			if (raw[i] == '\r' && i + 1 < to && raw[i + 1] == '\n') {
				digest.update(raw, run, i - run);
				run = i + 1;
			}
		}
		digest.update(raw, run, to - run);
	}

	static String sha256(byte[] raw) {
		return Sha256.hex(raw);
	}

	/** Text in whatever charset it claims, or in the one it really has. */
	static final class Charsets {

		private static final Set<String> SINGLE_BYTE_LATIN = Set.of("us-ascii", "ascii", "iso-8859-1", "latin1",
				"iso-8859-15", "windows-1252", "cp1252", "8859_1", "iso8859-1");

		private Charsets() {
		}

		static String decode(byte[] bytes, String declared) {
			String name = declared == null ? null : declared.strip().replace("\"", "").toLowerCase(Locale.ROOT);
			Charset charset = null;
			if (name != null && !name.isEmpty()) {
				try {
					charset = Charset.forName(MimeUtility.javaCharset(name));
				}
				catch (RuntimeException ex) {
					charset = null;
				}
			}
			Optional<String> utf8 = strictUtf8(bytes);
			// Mail labelled ASCII or Latin-1 (or not labelled) is very often UTF-8: if it
			// is valid UTF-8, it is.
			if (charset == null || SINGLE_BYTE_LATIN.contains(name)) {
				if (utf8.isPresent()) {
					return utf8.get();
				}
				// Latin-1 labels mean windows-1252 in practice (curly quotes, the euro
				// sign).
				return new String(bytes, Charset.forName("windows-1252"));
			}
			if (charset.equals(StandardCharsets.UTF_8) && utf8.isEmpty()) {
				// Latin-1 text labelled UTF-8 has no valid multi-byte sequence at all;
				// real UTF-8 with a
				// few broken bytes keeps its text, the broken bytes become U+FFFD.
				return hasMultiByteSequence(bytes) ? new String(bytes, StandardCharsets.UTF_8)
						: new String(bytes, Charset.forName("windows-1252"));
			}
			return new String(bytes, charset);
		}

		private static boolean hasMultiByteSequence(byte[] b) {
			for (int i = 0; i + 1 < b.length; i++) {
				int lead = b[i] & 0xFF;
				if (lead >= 0xC2 && lead <= 0xF4 && (b[i + 1] & 0xC0) == 0x80) {
					return true;
				}
			}
			return false;
		}

		private static Optional<String> strictUtf8(byte[] bytes) {
			try {
				return Optional.of(StandardCharsets.UTF_8.newDecoder()
					.onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT)
					.decode(ByteBuffer.wrap(bytes))
					.toString());
			}
			catch (CharacterCodingException ex) {
				return Optional.empty();
			}
		}

	}

}
