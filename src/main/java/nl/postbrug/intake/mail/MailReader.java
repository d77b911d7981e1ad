package nl.postbrug.intake.mail;

import java.util.List;
import java.util.Optional;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.SharedByteArrayInputStream;

import nl.postbrug.intake.Channel;
import nl.postbrug.intake.IntakeReason;
import nl.postbrug.intake.IntakeSettings;
import nl.postbrug.intake.MailNotes;
import nl.postbrug.intake.NewMessage;
import nl.postbrug.intake.PhotoCheck;
import nl.postbrug.intake.Reason;
import nl.postbrug.registry.Contact;
import nl.postbrug.registry.Prisoner;
import nl.postbrug.registry.Registry;

import org.springframework.stereotype.Component;

/**
 * Turns the bytes of one mail into a {@link NewMessage}: who sent it
 * ({@link SenderAddress}, {@link AutomaticMail}, {@link SenderAuthentication}), for whom
 * ({@link PrisonerAddressing}), and what it says ({@link MailBody}). Whatever cannot be
 * resolved stays empty for screening to explain; parts that cannot be taken are listed in
 * the message's {@link MailNotes}. The work per mail is bounded before Jakarta Mail sees
 * it ({@link RawMailBounds}).
 */
@Component
public class MailReader {

	private static final int MAX_HEADER_BLOCK = 262_144;

	private final Registry registry;

	private final RawMailBounds bounds;

	private final MailBody body;

	private final AutomaticMail automatic;

	private final SenderAuthentication authentication;

	private final PrisonerAddressing addressing;

	private final long maxMailBytes;

	private final Session session;

	MailReader(Registry registry, PhotoCheck photos, IntakeSettings settings, MailSettings limits) {
		this.registry = registry;
		this.bounds = new RawMailBounds(settings, limits);
		this.body = new MailBody(photos, settings, limits);
		this.automatic = new AutomaticMail(limits.ownAddresses());
		this.authentication = new SenderAuthentication(limits.authservIds());
		this.addressing = new PrisonerAddressing(registry);
		this.maxMailBytes = settings.maxMailBytes();
		Properties properties = new Properties();
		// RFC 6532: raw UTF-8 in headers; broken encoded words and unknown transfer
		// encodings are read as well as they can be rather than failing the whole mail.
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
	 * Reads a whole mail. Throws {@link MailRefused} when the mail cannot be taken at all
	 * (too big, lines or headers beyond the limits, no sender, unreadable); a mail that
	 * can be taken but not delivered (too many parts, nested too deep) comes back with a
	 * {@link MailNotes#refusal()}.
	 */
	public NewMessage read(byte[] raw, Channel channel) {
		bounds.check(raw);
		try {
			MimeMessage mail = parse(raw);
			String email = SenderAddress.of(mail);
			Optional<Contact> contact = registry.contact(email);
			String subject = HeaderText.subject(mail);
			MailBody.Result content = body.read(mail);
			boolean refused = content.refusal() != null;
			return new NewMessage(channel, sender(mail, email, contact), addressing(mail, subject, contact),
					new NewMessage.Content(HeaderText.clip(subject, 1000), refused ? "" : content.text(),
							refused ? List.of() : content.photos()),
					NewMessage.Evidence.mail(raw, SourceHash.of(raw)),
					notes(mail, email, content.refusal(), content.notTaken()));
		}
		catch (MessagingException ex) {
			throw new MailRefused(IntakeReason.MAIL_UNREADABLE.with(HeaderText.clip(ex.getMessage(), 200)));
		}
	}

	/**
	 * A mail that could not be read at all, recorded with its raw bytes so that it ends
	 * visibly as rejected. Nobody is answered: whoever is in its From header may not have
	 * sent it.
	 */
	public NewMessage unreadable(byte[] raw, Reason reason, Channel channel) {
		String sender = SenderAddress.ofUnreadable(HeaderBlock.of(raw, MAX_HEADER_BLOCK)).orElse("unknown");
		return new NewMessage(channel, new NewMessage.Sender(sender, null, null), NewMessage.Addressing.NOBODY,
				NewMessage.Content.EMPTY, NewMessage.Evidence.mail(raw, SourceHash.of(raw)),
				new MailNotes(reason, IntakeReason.MAIL_UNREADABLE.with(), List.of(), false, List.of()));
	}

	/**
	 * A mail over the size limit, known only by its headers (the body was never read). It
	 * is recorded with the headers as evidence and rejected with the reason; the sender
	 * is told.
	 */
	public NewMessage oversize(byte[] headers, long size, Channel channel) {
		Reason reason = IntakeReason.MAIL_TOO_LARGE.with(size / 1024, maxMailBytes / 1024);
		NewMessage.Evidence evidence = NewMessage.Evidence.mail(headers, SourceHash.ofOversize(headers, size));
		MimeMessage mail;
		String email;
		try {
			mail = parse(HeaderBlock.asMail(headers));
			email = SenderAddress.of(mail);
		}
		catch (MessagingException | MailRefused ex) {
			return new NewMessage(channel, new NewMessage.Sender("unknown", null, null), NewMessage.Addressing.NOBODY,
					NewMessage.Content.EMPTY, evidence,
					new MailNotes(reason, IntakeReason.MAIL_NO_SENDER.with(), List.of(), false, List.of()));
		}
		Optional<Contact> contact = registry.contact(email);
		String subject = HeaderText.subject(mail);
		return new NewMessage(channel, sender(mail, email, contact), addressing(mail, subject, contact),
				new NewMessage.Content(HeaderText.clip(subject, 1000), "", List.of()), evidence,
				notes(mail, email, reason, List.of()));
	}

	private MailNotes notes(MimeMessage mail, String email, Reason refusal, List<Reason> notTaken) {
		SenderAuthentication.Check check = authentication.check(mail);
		return new MailNotes(refusal, automatic.cause(mail, email), check.failures(), check.confirmed(), notTaken);
	}

	private MimeMessage parse(byte[] raw) throws MessagingException {
		return new MimeMessage(session, new SharedByteArrayInputStream(raw));
	}

	private static NewMessage.Sender sender(MimeMessage mail, String email, Optional<Contact> contact) {
		String name = contact.map(Contact::name).orElseGet(() -> HeaderText.senderName(mail));
		return new NewMessage.Sender(email, HeaderText.clip(name, 200), contact.map(Contact::id).orElse(null));
	}

	private NewMessage.Addressing addressing(MimeMessage mail, String subject, Optional<Contact> contact) {
		Optional<Prisoner> prisoner = addressing.prisoner(mail, subject, contact);
		return new NewMessage.Addressing(prisoner.map(Prisoner::id).orElse(null),
				prisoner.map(Prisoner::facilityId).orElse(null),
				HeaderText.clip(String.join(", ", PrisonerAddressing.recipients(mail)), 200));
	}

}
