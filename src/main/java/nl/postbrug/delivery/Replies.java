package nl.postbrug.delivery;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.LongPredicate;

import nl.postbrug.batches.Batches;
import nl.postbrug.batches.ReplySheet;
import nl.postbrug.intake.MessageView;
import nl.postbrug.intake.Messages;
import nl.postbrug.letters.ReplyCodes;
import nl.postbrug.letters.ReplyPages;
import nl.postbrug.letters.ScannedPages;
import nl.postbrug.registry.PostbrugUser;
import nl.postbrug.registry.Registry;
import nl.postbrug.registry.Role;
import nl.postbrug.storage.BlobStore;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Replies written on reply sheets: scanned pages read, cut to the writing area and stored
 * as PDF, linked to the message and its sender; pages without a readable code kept for
 * staff; decisions recorded; the PDF handed to its sender once approved.
 * <p>
 * Scans are stored as blobs under {@code reply/<facility>/<reply id>.pdf} (queued pages
 * under {@code reply-page/<page id>.png}); {@code reply.message_id} ties each to its
 * message, so whatever purges a message's body can purge its replies with it.
 */
@Service
public class Replies {

	/** One page of an upload and what became of it. */
	public record PageResult(int page, String code, UUID message, PageOutcome outcome, UUID reply) {
	}

	/**
	 * Who hands pages in.
	 *
	 * @param mayAct the facilities whose sheets they may hand in
	 * @param facilityId where a page without a code is queued; {@code null}: with the
	 * uploader only
	 */
	public record Receiver(String name, LongPredicate mayAct, Long facilityId) {

		/**
		 * A member of staff, queueing pages with their only facility when they have one.
		 */
		public static Receiver staff(PostbrugUser staff) {
			Long only = !staff.allFacilities() && staff.facilityIds().size() == 1
					? staff.facilityIds().iterator().next() : null;
			return new Receiver(staff.getUsername(), staff::canAct, only);
		}

	}

	/** The channel of a page uploaded on the page or over the API. */
	public static final String UPLOAD = "upload";

	static final String HOT_FOLDER = "hot-folder";

	static final String TYPED = "typed";

	private final ReplyStore store;

	private final Batches batches;

	private final Messages messages;

	private final Registry registry;

	private final BlobStore blobs;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	Replies(ReplyStore store, Batches batches, Messages messages, Registry registry, BlobStore blobs,
			ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock) {
		this.store = store;
		this.batches = batches;
		this.messages = messages;
		this.registry = registry;
		this.blobs = blobs;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * Reads every page of a scanned file (PDF, PNG or JPEG) and stores each reply it
	 * finds. The file is refused as a whole before any page is read when it is not a scan
	 * within the limits; after that each page is settled in its own transaction.
	 * @param secondPages take pages whose code has a reply already as further pages
	 * @throws ScannedPages.Refused naming why the file is not read
	 */
	public List<PageResult> receive(byte[] file, Receiver receiver, String channel, boolean secondPages) {
		List<PageResult> results = new ArrayList<>();
		ScannedPages.eachPage(file, ScannedPages.Limits.DEFAULT,
				(number, image) -> results.add(page(number, image, receiver, channel, secondPages)));
		return results;
	}

	private PageResult page(int number, BufferedImage image, Receiver receiver, String channel, boolean secondPages) {
		ReplyPages.Read read = ReplyPages.read(image);
		if (read.code() == null) {
			queue(receiver.facilityId(), "NO_CODE", null, ReplyPages.png(image), receiver.name(), channel);
			return new PageResult(number, null, null, PageOutcome.NO_CODE, null);
		}
		Optional<ReplySheet> sheet = batches.replySheet(read.code());
		if (sheet.isEmpty()) {
			queue(receiver.facilityId(), "NO_CODE", null, ReplyPages.png(image), receiver.name(), channel);
			return new PageResult(number, read.code(), null, PageOutcome.UNKNOWN_CODE, null);
		}
		ReplySheet s = sheet.get();
		if (!receiver.mayAct().test(s.facilityId())) {
			return new PageResult(number, read.code(), null, PageOutcome.WRONG_FACILITY, null);
		}
		if (!secondPages && store.codeUsed(s.replyCode())) {
			queue(s.facilityId(), "CODE_USED", s.replyCode(), ReplyPages.png(read.writing()), receiver.name(), channel);
			return new PageResult(number, read.code(), s.messageId(), PageOutcome.CODE_USED, null);
		}
		UUID reply = UUID.randomUUID();
		transactions.executeWithoutResult(tx -> store(reply, s, read.writing(), receiver.name(), channel));
		return new PageResult(number, read.code(), s.messageId(), PageOutcome.RECEIVED, reply);
	}

	private void store(UUID id, ReplySheet sheet, BufferedImage writing, String actor, String channel) {
		String key = "reply/" + registry.facility(sheet.facilityId()).code() + "/" + id + ".pdf";
		blobs.put(key, new ByteArrayInputStream(ReplyPages.pdf(writing)));
		store.insert(id, sheet.replyCode(), sheet.messageId(), sheet.letterId(), sheet.facilityId(), key, now(), actor,
				channel);
		events.publishEvent(
				new ReplyReceived(id, sheet.messageId(), sheet.facilityId(), sheet.replyCode(), actor, channel));
	}

	private void queue(Long facilityId, String problem, String code, byte[] png, String actor, String channel) {
		transactions.executeWithoutResult(tx -> {
			UUID id = UUID.randomUUID();
			String key = "reply-page/" + id + ".png";
			blobs.put(key, new ByteArrayInputStream(png));
			store.insertPage(id, facilityId, problem, code, key, now(), actor, channel);
			events.publishEvent(new ReplyPageQueued(id, problem, code, actor));
		});
	}

	/** A page waiting for staff. */
	public record QueuedPage(UUID id, String problem, String replyCode, Instant receivedAt, String receivedBy) {
	}

	/**
	 * The pages waiting for {@code staff}: those queued for their facilities, and those
	 * they handed in without a facility.
	 */
	public List<QueuedPage> queuedFor(PostbrugUser staff) {
		return store.openPages(500)
			.stream()
			.filter(page -> mayHandle(staff, page))
			.map(page -> new QueuedPage(page.id(), page.problem(), page.replyCode(), page.receivedAt(),
					page.receivedBy()))
			.toList();
	}

	/** The image of a queued page (PNG), for staff to read its code from. */
	public byte[] queuedImage(UUID pageId, PostbrugUser staff) {
		ReplyStore.Page page = openPage(pageId, staff);
		return read(page.imageKey());
	}

	/**
	 * Settles a queued page with the code staff read from it ({@code typedCode}; a page
	 * queued because its code had a reply already keeps that code).
	 * @param secondPage staff confirm the page is a further page of a reply already
	 * received
	 * @return {@code RECEIVED} when it became a reply; otherwise the page stays queued
	 * and the outcome says why
	 */
	public PageResult settle(UUID pageId, String typedCode, boolean secondPage, PostbrugUser staff) {
		ReplyStore.Page page = openPage(pageId, staff);
		boolean used = "CODE_USED".equals(page.problem());
		String code = used ? page.replyCode() : typedCode == null ? "" : ReplyCodes.normalise(typedCode);
		if (!ReplyCodes.isWellFormed(code)) {
			throw new InvalidReplyCode(typedCode == null ? "" : typedCode.strip());
		}
		Optional<ReplySheet> sheet = batches.replySheet(code);
		if (sheet.isEmpty()) {
			return new PageResult(1, code, null, PageOutcome.UNKNOWN_CODE, null);
		}
		ReplySheet s = sheet.get();
		if (!staff.canAct(s.facilityId())) {
			return new PageResult(1, code, null, PageOutcome.WRONG_FACILITY, null);
		}
		if (!secondPage && store.codeUsed(code)) {
			return new PageResult(1, code, s.messageId(), PageOutcome.CODE_USED, null);
		}
		BufferedImage image = ReplyPages.fromPng(read(page.imageKey()));
		BufferedImage writing = used ? image : ReplyPages.writingAreaAsScanned(image);
		UUID reply = UUID.randomUUID();
		transactions.executeWithoutResult(tx -> {
			// settled first: of two staff typing the code at once, one makes the reply
			if (!store.settlePage(pageId, reply, staff.getUsername(), now())) {
				throw new NoSuchReply(pageId);
			}
			store(reply, s, writing, staff.getUsername(), TYPED);
			events.publishEvent(new ReplyPageSettled(pageId, reply, code, staff.getUsername()));
		});
		blobs.delete(page.imageKey());
		return new PageResult(1, code, s.messageId(), PageOutcome.RECEIVED, reply);
	}

	/** Removes a queued page that is no reply (a blank sheet, a page fed twice). */
	public void discard(UUID pageId, PostbrugUser staff) {
		ReplyStore.Page page = openPage(pageId, staff);
		transactions.executeWithoutResult(tx -> {
			if (!store.settlePage(pageId, null, staff.getUsername(), now())) {
				throw new NoSuchReply(pageId);
			}
			events.publishEvent(new ReplyPageSettled(pageId, null, page.replyCode(), staff.getUsername()));
		});
		blobs.delete(page.imageKey());
	}

	private ReplyStore.Page openPage(UUID pageId, PostbrugUser staff) {
		return store.openPage(pageId).filter(page -> mayHandle(staff, page)).orElseThrow(() -> new NoSuchReply(pageId));
	}

	private static boolean mayHandle(PostbrugUser staff, ReplyStore.Page page) {
		return page.facilityId() != null ? staff.canAct(page.facilityId())
				: page.receivedBy().equals(staff.getUsername());
	}

	public Optional<ReplyView> find(UUID id) {
		return store.find(id);
	}

	public List<ReplyView> ofMessage(UUID messageId) {
		return store.ofMessage(messageId);
	}

	public List<ReplyView> inReview(long facilityId, int limit) {
		return store.inState(ReplyStatus.IN_REVIEW, facilityId, limit);
	}

	public long countInReview(long facilityId) {
		return store.count(ReplyStatus.IN_REVIEW, facilityId);
	}

	/** Screening has checked the reply: it waits for a screener. */
	public void queueForReview(UUID id) {
		move(id, ReplyStatus.RECEIVED, ReplyStatus.IN_REVIEW, "screening", null);
	}

	/**
	 * A screener's decision on a reply of their facilities.
	 * @param note the screener's reason, for staff only
	 * @throws NoSuchReply when there is no such reply in the screener's facilities
	 * @throws IllegalReplyTransition when the reply is not waiting for review
	 */
	public ReplyStatus decide(PostbrugUser screener, UUID id, ReplyStatus to, String note) {
		ReplyView reply = store.find(id)
			.filter(r -> screener.canAct(r.facilityId()))
			.orElseThrow(() -> new NoSuchReply(id));
		return transactions.execute(tx -> {
			move(reply.id(), ReplyStatus.IN_REVIEW, to, screener.getUsername(), note);
			return to;
		});
	}

	private void move(UUID id, ReplyStatus from, ReplyStatus to, String actor, String note) {
		ReplyView reply = store.find(id).orElseThrow(() -> new NoSuchReply(id));
		if (!from.canMoveTo(to) || !store.move(id, from, to, actor, note, now())) {
			throw new IllegalReplyTransition(id, reply.status(), to);
		}
		events.publishEvent(new ReplyStatusChanged(id, reply.messageId(), registry.facility(reply.facilityId()).code(),
				from, to, actor, note));
	}

	/**
	 * The reply's scan as PDF for {@code user}: its sender once it is approved, or a
	 * screener of its facility. Anyone else is told there is no such reply.
	 */
	public byte[] pdfFor(PostbrugUser user, UUID id) {
		ReplyView reply = store.find(id).filter(r -> maySee(user, r)).orElseThrow(() -> new NoSuchReply(id));
		byte[] pdf = pdf(reply.id());
		transactions.executeWithoutResult(tx -> events.publishEvent(new ReplyDownloaded(id, user.getUsername())));
		return pdf;
	}

	private boolean maySee(PostbrugUser user, ReplyView reply) {
		if (user.isRelative()) {
			MessageView message = messages.get(reply.messageId());
			return reply.status() == ReplyStatus.APPROVED && message.contactId() != null
					&& message.contactId() == user.contactId();
		}
		return user.has(Role.SCREENER) && user.canAct(reply.facilityId());
	}

	/**
	 * The stored scan, for screening's checks.
	 * @throws ScanPurged when its message's retention period has ended
	 */
	public byte[] pdf(UUID id) {
		store.scanPurgedAt(id).ifPresent(at -> {
			throw new ScanPurged(id, at);
		});
		return read(store.pdfKey(id).orElseThrow(() -> new NoSuchReply(id)));
	}

	private byte[] read(String key) {
		try (InputStream in = blobs.open(key).orElseThrow(() -> new NoSuchReply(key))) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

}
