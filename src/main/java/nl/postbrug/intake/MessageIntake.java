package nl.postbrug.intake;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import nl.postbrug.registry.PostbrugUser;
import nl.postbrug.registry.Prisoner;
import nl.postbrug.registry.Registry;
import nl.postbrug.storage.ContentEncryption;
import nl.postbrug.storage.Sealed;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes messages in. A web submission is checked before anything is stored (bad input
 * changes nothing); mail is always stored, and screening explains what was wrong with it.
 * Storing a message, its first history entry and the {@link MessageReceived} hand-off to
 * screening is one transaction.
 */
@Service
public class MessageIntake {

	public record Upload(String name, byte[] bytes) {
	}

	private final JdbcClient jdbc;

	private final Registry registry;

	private final Messages messages;

	private final PhotoCheck photos;

	private final IntakeSettings settings;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final ContentEncryption encryption;

	MessageIntake(JdbcClient jdbc, Registry registry, Messages messages, PhotoCheck photos, IntakeSettings settings,
			ApplicationEventPublisher events, TransactionTemplate transactions, ContentEncryption encryption) {
		this.jdbc = jdbc;
		this.registry = registry;
		this.messages = messages;
		this.photos = photos;
		this.settings = settings;
		this.events = events;
		this.transactions = transactions;
		this.encryption = encryption;
	}

	/** A relative's message from the web portal or the API. */
	public Receipt submit(PostbrugUser sender, String prisonerNumber, String text, List<Upload> uploads,
			String idempotencyKey) {
		return submit(sender, prisonerNumber, text, uploads, idempotencyKey, null);
	}

	/**
	 * A relative's message with their choice of a reply sheet ({@code null}: the
	 * facility's default).
	 */
	public Receipt submit(PostbrugUser sender, String prisonerNumber, String text, List<Upload> uploads,
			String idempotencyKey, Boolean replySheet) {
		long contactId = sender.contactId();
		String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey.strip();
		if (key != null && key.length() > 200) {
			throw new InvalidMessage(Reason.of("invalid.key-too-long", 200));
		}
		if (key != null) {
			Optional<Receipt> earlier = byIdempotencyKey(contactId, key);
			if (earlier.isPresent()) {
				return earlier.get();
			}
		}
		Draft draft = check(contactId, prisonerNumber, text, uploads);
		Prisoner prisoner = draft.prisoner();
		String body = draft.body();
		List<CheckedPhoto> checked = draft.photos();
		var contact = registry.contact(contactId);
		NewMessage message = new NewMessage(Channel.WEB,
				new NewMessage.Sender(contact.email(), contact.name(), contactId),
				new NewMessage.Addressing(prisoner.id(), prisoner.facilityId(), prisoner.number()),
				new NewMessage.Content(null, body, checked), NewMessage.Evidence.submission(key), MailNotes.NONE,
				replySheet);
		try {
			return store(message, sender.getUsername());
		}
		catch (DuplicateKeyException raced) {
			// Another request with the same key won; answer with its message.
			return byIdempotencyKey(contactId, key).orElseThrow(() -> raced);
		}
	}

	/**
	 * A message checked exactly as {@link #submit} checks it, but not stored: for the
	 * preview of the letter it would become.
	 */
	public Draft draft(PostbrugUser sender, String prisonerNumber, String text, List<Upload> uploads) {
		return check(sender.contactId(), prisonerNumber, text, uploads);
	}

	/**
	 * A message that passed every check: the prisoner it is for, its cleaned text and its
	 * re-encoded photos.
	 */
	public record Draft(Prisoner prisoner, String senderName, String body, List<CheckedPhoto> photos) {
	}

	private Draft check(long contactId, String prisonerNumber, String text, List<Upload> uploads) {
		if (prisonerNumber == null || prisonerNumber.isBlank()) {
			throw new InvalidMessage(Reason.of("invalid.no-prisoner"));
		}
		// An unknown number and one the sender is not approved for are answered alike.
		Prisoner prisoner = registry.prisoner(prisonerNumber).orElseThrow(() -> new UnknownPrisoner(prisonerNumber));
		if (!registry.isApproved(contactId, prisoner.id())) {
			throw new ContactNotApproved(prisoner.number());
		}
		String body = cleanText(text);
		List<Upload> files = uploads == null ? List.of() : uploads.stream().filter(u -> u.bytes().length > 0).toList();
		if (files.size() > settings.maxPhotos()) {
			throw new InvalidMessage(Reason.of("invalid.too-many-photos", settings.maxPhotos(), files.size()));
		}
		List<CheckedPhoto> checked = new ArrayList<>();
		for (Upload upload : files) {
			try {
				checked.add(photos.check(upload.name(), upload.bytes()));
			}
			catch (PhotoRefused refused) {
				// Nothing is stored: the relative is told at once, in their language.
				throw new InvalidMessage(refused.reason());
			}
		}
		return new Draft(prisoner, registry.contact(contactId).name(), body, checked);
	}

	/**
	 * Stores a message unless its source was stored before; publishes
	 * {@link MessageReceived}.
	 */
	public Receipt store(NewMessage message, String actor) {
		String hash = message.evidence().sourceHash();
		if (hash != null) {
			Optional<Receipt> earlier = bySourceHash(hash);
			if (earlier.isPresent()) {
				return earlier.get();
			}
		}
		try {
			return transactions.execute(tx -> insert(message, actor));
		}
		catch (DuplicateKeyException raced) {
			if (hash != null) {
				return bySourceHash(hash).orElseThrow(() -> raced);
			}
			throw raced;
		}
	}

	private Receipt insert(NewMessage m, String actor) {
		UUID id = UUID.randomUUID();
		var now = messages.now();
		MailNotes notes = m.notes();
		Sealed<String> body = encryption.encryptText(m.content().body(), StoredContent.BODY.context(id));
		Sealed<String> subject = encryption.encryptText(m.content().subject(), StoredContent.SUBJECT.context(id));
		jdbc.sql(
				"""
						INSERT INTO message (id, channel, sender_email, sender_name, contact_id, prisoner_id, facility_id,
						  addressed_to, subject, subject_key, body, body_key, status, idempotency_key, source_sha256, received_at, updated_at, version,
						  refusal_code, refusal_args, no_reply_code, no_reply_args, auth_failures,
						  sender_confirmed, reply_sheet)
						VALUES (:id, :channel, :senderEmail, :senderName, :contactId, :prisonerId, :facilityId,
						  :addressedTo, :subject, :subjectKey, :body, :bodyKey, 'RECEIVED', :key, :hash, :now, :now, 0,
						  :refusalCode, :refusalArgs, :noReplyCode, :noReplyArgs, :authFailures,
						  :senderConfirmed, :replySheet)
						""")
			.param("id", id.toString())
			.param("channel", m.channel().name())
			.param("senderEmail", m.sender().email())
			.param("senderName", m.sender().name())
			.param("contactId", m.sender().contactId())
			.param("prisonerId", m.addressing().prisonerId())
			.param("facilityId", m.addressing().facilityId())
			.param("addressedTo", m.addressing().addressedTo())
			.param("subject", subject.value())
			.param("subjectKey", subject.keyId())
			.param("body", body.value())
			.param("bodyKey", body.keyId())
			.param("key", m.evidence().idempotencyKey())
			.param("hash", m.evidence().sourceHash())
			.param("now", now.atOffset(ZoneOffset.UTC))
			.param("refusalCode", ReasonColumns.code(notes.refusal()))
			.param("refusalArgs", ReasonColumns.args(notes.refusal()))
			.param("noReplyCode", ReasonColumns.code(notes.noReply()))
			.param("noReplyArgs", ReasonColumns.args(notes.noReply()))
			.param("authFailures", ReasonColumns.list(notes.authFailures()))
			.param("senderConfirmed", notes.senderConfirmed())
			.param("replySheet", m.replySheet())
			.update();
		int position = 0;
		for (CheckedPhoto photo : m.content().photos()) {
			Sealed<byte[]> data = encryption.encrypt(photo.data(), StoredContent.PHOTO.context(id, position));
			jdbc.sql(
					"INSERT INTO message_photo (message_id, position, content_type, data, data_key) VALUES (?, ?, ?, ?, ?)")
				.params(id.toString(), position++, photo.contentType(), data.value(), data.keyId())
				.update();
		}
		position = 0;
		for (Reason part : notes.notTaken()) {
			jdbc.sql("INSERT INTO message_refused_part (message_id, position, code, args) VALUES (?, ?, ?, ?)")
				.params(id.toString(), position++, ReasonColumns.code(part), ReasonColumns.args(part))
				.update();
		}
		if (m.evidence().source() != null) {
			Sealed<byte[]> raw = encryption.encrypt(m.evidence().source(), StoredContent.SOURCE.context(id));
			jdbc.sql("INSERT INTO message_source (message_id, raw, raw_key) VALUES (?, ?, ?)")
				.params(id.toString(), raw.value(), raw.keyId())
				.update();
		}
		messages.record(id, null, MessageStatus.RECEIVED, actor, received(m.channel()), null, now);
		events.publishEvent(new MessageReceived(id));
		return new Receipt(id, MessageStatus.RECEIVED, false);
	}

	private static Reason received(Channel channel) {
		return switch (channel) {
			case WEB -> IntakeReason.RECEIVED_WEB.with();
			case IMAP -> IntakeReason.RECEIVED_EMAIL.with();
			case DROP_FOLDER -> IntakeReason.RECEIVED_DROP_FOLDER.with();
		};
	}

	private String cleanText(String text) {
		if (text == null || text.isBlank()) {
			throw new InvalidMessage(Reason.of("invalid.empty"));
		}
		// NUL and other C0 controls (but tab and line breaks) have no place in a letter.
		String body = text.replace("\r\n", "\n").replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]", "").strip();
		if (body.isEmpty()) {
			throw new InvalidMessage(Reason.of("invalid.empty"));
		}
		if (body.length() > settings.maxTextLength()) {
			throw new InvalidMessage(Reason.of("invalid.too-long", body.length(), settings.maxTextLength()));
		}
		return body;
	}

	private Optional<Receipt> byIdempotencyKey(long contactId, String key) {
		return jdbc.sql("SELECT id, status FROM message WHERE contact_id = ? AND idempotency_key = ?")
			.params(contactId, key)
			.query((rs, n) -> new Receipt(UUID.fromString(rs.getString(1)), MessageStatus.valueOf(rs.getString(2)),
					true))
			.optional();
	}

	private Optional<Receipt> bySourceHash(String hash) {
		return jdbc.sql("SELECT id, status FROM message WHERE source_sha256 = ?")
			.param(hash)
			.query((rs, n) -> new Receipt(UUID.fromString(rs.getString(1)), MessageStatus.valueOf(rs.getString(2)),
					true))
			.optional();
	}

}
