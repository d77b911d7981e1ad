package nl.postbrug.intake.mail;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import jakarta.mail.Multipart;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;

import nl.postbrug.intake.CheckedPhoto;
import nl.postbrug.intake.IntakeReason;
import nl.postbrug.intake.IntakeSettings;
import nl.postbrug.intake.PhotoCheck;
import nl.postbrug.intake.PhotoRefused;
import nl.postbrug.intake.Reason;

/**
 * Walks a mail's MIME parts into text and photos. {@code text/plain} is preferred;
 * without it the HTML is reduced to its visible text. Any leaf part whose first bytes say
 * JPEG or PNG, whatever it is labelled, is a photo; every other part is left out with its
 * reason. The work is bounded: part count and nesting are counted on the way, text parts
 * are read up to a limit, other parts only as far as their first bytes.
 */
final class MailBody {

	/**
	 * What the walk found. {@code refusal} is set when the limits on parts were broken.
	 */
	record Result(String text, List<CheckedPhoto> photos, List<Reason> notTaken, Reason refusal) {
	}

	private static final int MAX_TEXT_CHARACTERS = 200_000;

	private static final int MAX_NAME_LENGTH = 100;

	private final PhotoCheck photoCheck;

	private final IntakeSettings settings;

	private final MailSettings limits;

	MailBody(PhotoCheck photoCheck, IntakeSettings settings, MailSettings limits) {
		this.photoCheck = photoCheck;
		this.settings = settings;
		this.limits = limits;
	}

	Result read(Part mail) {
		Walk walk = new Walk();
		try {
			walk(mail, walk, 0);
		}
		catch (MailRefused ex) {
			return new Result("", List.of(), walk.notTaken, ex.reason());
		}
		return new Result(walk.text(), walk.photos, walk.notTaken, null);
	}

	private void walk(Part part, Walk walk, int depth) {
		if (depth > limits.maxDepth()) {
			throw new MailRefused(IntakeReason.MAIL_NESTED_TOO_DEEP.with(limits.maxDepth()));
		}
		if (++walk.parts > limits.maxParts()) {
			throw new MailRefused(IntakeReason.MAIL_TOO_MANY_PARTS.with(limits.maxParts()));
		}
		if (isType(part, "multipart/*")) {
			walkChildren(part, walk, depth);
			return;
		}
		String name = fileName(part);
		boolean attachment = name != null || Part.ATTACHMENT.equalsIgnoreCase(disposition(part));
		if (isType(part, "text/plain") && !attachment) {
			walk.plain.add(text(part, walk));
		}
		else if (isType(part, "text/html") && !attachment) {
			walk.html.add(HtmlText.of(text(part, walk)));
		}
		else if (!takePhoto(part, name, walk)) {
			walk.notTaken.add(IntakeReason.PART_NOT_ALLOWED.with(clip(name == null ? baseType(part) : name)));
		}
	}

	private void walkChildren(Part part, Walk walk, int depth) {
		Multipart multipart;
		int count;
		try {
			if (!(part.getContent() instanceof Multipart content)) {
				walk.notTaken.add(IntakeReason.PART_UNREADABLE.with());
				return;
			}
			multipart = content;
			count = multipart.getCount();
		}
		catch (MessagingException | IOException | RuntimeException ex) {
			walk.notTaken.add(IntakeReason.PART_UNREADABLE.with());
			return;
		}
		for (int i = 0; i < count; i++) {
			try {
				walk(multipart.getBodyPart(i), walk, depth + 1);
			}
			catch (MessagingException ex) {
				walk.notTaken.add(IntakeReason.PART_UNREADABLE.with());
			}
		}
	}

	/**
	 * Takes a leaf part as a photo when its bytes say JPEG or PNG; {@code false} when
	 * they do not.
	 */
	private boolean takePhoto(Part part, String name, Walk walk) {
		String label = clip(name == null ? "inline image" : name);
		try (InputStream in = part.getInputStream()) {
			byte[] head = in.readNBytes(8);
			if (!PhotoCheck.isPhoto(head)) {
				return false;
			}
			if (walk.photos.size() >= settings.maxPhotos()) {
				walk.notTaken.add(IntakeReason.PHOTO_TOO_MANY.with(label, settings.maxPhotos()));
				return true;
			}
			byte[] rest = in.readNBytes(settings.maxPhotoBytes() + 1 - head.length);
			byte[] bytes = Arrays.copyOf(head, head.length + rest.length);
			System.arraycopy(rest, 0, bytes, head.length, rest.length);
			walk.photos.add(photoCheck.check(label, bytes));
		}
		catch (PhotoRefused ex) {
			walk.notTaken.add(ex.reason());
		}
		catch (MessagingException | IOException | RuntimeException ex) {
			walk.notTaken.add(IntakeReason.ATTACHMENT_UNREADABLE.with(label));
		}
		return true;
	}

	private String text(Part part, Walk walk) {
		byte[] bytes;
		try (InputStream in = part.getInputStream()) {
			bytes = in.readNBytes(limits.maxTextBytes() + 1);
		}
		catch (MessagingException | IOException | RuntimeException ex) {
			walk.notTaken.add(IntakeReason.TEXT_UNREADABLE.with());
			return "";
		}
		if (bytes.length > limits.maxTextBytes()) {
			walk.notTaken.add(IntakeReason.TEXT_CUT.with(limits.maxTextBytes() / 1024));
			bytes = Arrays.copyOf(bytes, limits.maxTextBytes());
		}
		return CharsetRepair.decode(bytes, declaredCharset(part));
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
			return HeaderText.clean(part.getFileName());
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

	private static String clip(String name) {
		String clipped = HeaderText.clip(name, MAX_NAME_LENGTH);
		return clipped == null ? "unnamed" : clipped;
	}

	private static final class Walk {

		int parts;

		final List<String> plain = new ArrayList<>();

		final List<String> html = new ArrayList<>();

		final List<CheckedPhoto> photos = new ArrayList<>();

		final List<Reason> notTaken = new ArrayList<>();

		String text() {
			List<String> chosen = plain.isEmpty() ? html : plain;
			String text = String.join("\n\n", chosen)
				.replace("\r\n", "\n")
				.replace('\r', '\n')
				.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]", "")
				.strip();
			return text.length() > MAX_TEXT_CHARACTERS ? text.substring(0, MAX_TEXT_CHARACTERS) : text;
		}

	}

}
