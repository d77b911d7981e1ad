package nl.postbrug.intake.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import nl.postbrug.intake.MessageStatus;
import nl.postbrug.intake.MessageView;
import nl.postbrug.intake.Messages;
import nl.postbrug.intake.PersonalDataExported;
import nl.postbrug.intake.Reason;
import nl.postbrug.intake.ReasonTexts;
import nl.postbrug.registry.ApprovalRequests;
import nl.postbrug.registry.Contact;
import nl.postbrug.registry.PostbrugUser;
import nl.postbrug.registry.Prisoner;
import nl.postbrug.registry.Registry;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A relative's own data as one ZIP: their account, the prisoners they may write to, their
 * approval requests, and every message they sent with its text, photos (unless purged)
 * and history. Everything is read by the relative's own contact id, so nobody else's data
 * can be in it. The history is the one the relative already sees on the messages page:
 * sender words only, never a rule, a screener or a withhold reason.
 */
@Component
class PersonalDataExport {

	/** More than any relative writes; the export says so when it is reached. */
	static final int MAX_MESSAGES = 100_000;

	record Account(String email, String name, boolean verified, List<Recipient> mayWriteTo, Instant exportedAt) {
	}

	record Recipient(String name, String registryNumber) {
	}

	record Change(Instant at, MessageStatus status, String statusText, String detail) {
	}

	record Message(UUID id, Recipient to, String channel, Instant sentAt, MessageStatus status, String statusText,
			String reason, String subject, String textFile, List<String> photoFiles, boolean purged, Instant purgedAt,
			String purgedNote, List<Change> history) {
	}

	private final Messages messages;

	private final Registry registry;

	private final ApprovalRequests approvals;

	private final MessageSource bundles;

	private final ReasonTexts reasons;

	private final JsonMapper json;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	PersonalDataExport(Messages messages, Registry registry, ApprovalRequests approvals, MessageSource bundles,
			JsonMapper json, ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock) {
		this.messages = messages;
		this.registry = registry;
		this.approvals = approvals;
		this.bundles = bundles;
		this.reasons = new ReasonTexts(bundles);
		this.json = json;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * Writes the relative's ZIP to {@code out} and records the export in the audit log.
	 */
	void write(PostbrugUser relative, Locale locale, OutputStream out) throws IOException {
		long contactId = relative.contactId();
		Contact contact = registry.contact(contactId);
		Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
		List<MessageView> sent = messages.sentBy(contactId, MAX_MESSAGES);
		int photos = 0;
		try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
			put(zip, "readme.txt", text("export.readme", locale, now.truncatedTo(ChronoUnit.SECONDS).toString())
				.getBytes(StandardCharsets.UTF_8));
			Account account = new Account(contact.email(), contact.name(), contact.verified(),
					registry.approvedPrisoners(contactId).stream().map(PersonalDataExport::recipient).toList(), now);
			put(zip, "account.json", json.writerWithDefaultPrettyPrinter().writeValueAsBytes(account));
			put(zip, "approval-requests.json",
					json.writerWithDefaultPrettyPrinter().writeValueAsBytes(approvals.mine(contactId)));
			List<Message> entries = new ArrayList<>();
			int n = 0;
			for (MessageView message : sent) {
				String folder = "messages/" + String.format(Locale.ROOT, "%05d", ++n) + "-" + message.id() + "/";
				String textFile = null;
				List<String> photoFiles = new ArrayList<>();
				if (!message.purged()) {
					textFile = folder + "text.txt";
					put(zip, textFile, message.body().getBytes(StandardCharsets.UTF_8));
					int i = 0;
					for (MessageView.Photo photo : messages.photos(message.id())) {
						String name = folder + "photo-" + (++i) + extension(photo.contentType());
						put(zip, name, photo.data());
						photoFiles.add(name);
						photos++;
					}
				}
				entries.add(entry(message, textFile, photoFiles, locale));
			}
			Map<String, Object> all = new LinkedHashMap<>();
			all.put("messages", entries);
			all.put("complete", sent.size() < MAX_MESSAGES);
			put(zip, "messages.json", json.writerWithDefaultPrettyPrinter().writeValueAsBytes(all));
		}
		int photoCount = photos;
		transactions.executeWithoutResult(tx -> events
			.publishEvent(new PersonalDataExported(contactId, contact.email(), sent.size(), photoCount, now)));
	}

	private Message entry(MessageView message, String textFile, List<String> photoFiles, Locale locale) {
		Recipient to = message.prisonerId() == null ? null : recipient(registry.prisoner(message.prisonerId()));
		List<Change> history = messages.history(message.id())
			.stream()
			.map(change -> new Change(change.at(), change.status(), status(change.status(), locale),
					reason(change.detail(), locale)))
			.toList();
		return new Message(message.id(), to, message.channel().name(), message.receivedAt(), message.status(),
				status(message.status(), locale), reason(message.reason(), locale),
				message.purged() ? null : message.subject(), textFile, photoFiles, message.purged(), message.purgedAt(),
				message.purged() ? text("export.purged", locale) : null, history);
	}

	private static Recipient recipient(Prisoner prisoner) {
		return new Recipient(prisoner.name(), prisoner.number());
	}

	private String status(MessageStatus status, Locale locale) {
		return text("status." + status.name(), locale);
	}

	private String reason(Reason reason, Locale locale) {
		return reason == null ? null : reasons.text(reason, locale);
	}

	private String text(String key, Locale locale, Object... args) {
		return bundles.getMessage(key, args, locale);
	}

	private static String extension(String contentType) {
		return "image/png".equals(contentType) ? ".png" : ".jpg";
	}

	private static void put(ZipOutputStream zip, String name, byte[] content) throws IOException {
		zip.putNextEntry(new ZipEntry(name));
		zip.write(content);
		zip.closeEntry();
	}

}
