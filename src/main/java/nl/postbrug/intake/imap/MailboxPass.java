package nl.postbrug.intake.imap;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;

import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPMessage;

import nl.postbrug.intake.Channel;
import nl.postbrug.intake.Receipt;
import nl.postbrug.intake.mail.RawMailIntake;

/**
 * One pass over the polled folder. It reads UID, RFC822.SIZE and flags of up to
 * {@code batch-size} messages, then per chunk (at most 50 messages or 8 MB): skips what
 * {@link SeenUids} knows, downloads the rest in one round trip, stores each message
 * through {@link RawMailIntake} (committed, deduped on its source hash), records its UID,
 * and only then puts the chunk away ({@link TakenMail}). Mail over the size limit is
 * never downloaded, only its headers.
 */
final class MailboxPass {

	private static final int PREFETCH_MESSAGES = 50;

	private static final long PREFETCH_BYTES = 8L * 1024 * 1024;

	/** What a pass has done so far; it stays true when the pass is cut short. */
	static final class Counts {

		int taken;

		int duplicates;

		int oversize;

		int unreadable;

		int moved;

		ImapPoller.Poll poll(String error) {
			return new ImapPoller.Poll(taken, duplicates, oversize, unreadable, moved, error);
		}

	}

	private final ImapSettings settings;

	private final RawMailIntake rawMail;

	private final SeenUids seen;

	private final TakenMail taken;

	private final ImapDownload download;

	private final long maxMailBytes;

	MailboxPass(ImapSettings settings, RawMailIntake rawMail, SeenUids seen, long maxMailBytes) {
		this.settings = settings;
		this.rawMail = rawMail;
		this.seen = seen;
		this.taken = new TakenMail(settings.processedFolder());
		this.download = new ImapDownload(maxMailBytes);
		this.maxMailBytes = maxMailBytes;
	}

	void run(Store store, Counts counts) throws MessagingException, IOException {
		IMAPFolder inbox = (IMAPFolder) store.getFolder(settings.folder());
		inbox.open(Folder.READ_WRITE);
		try {
			long uidValidity = inbox.getUIDValidity();
			Folder processed = taken.processedFolder(store);
			int count = inbox.getMessageCount();
			if (count == 0) {
				return;
			}
			Message[] batch = inbox.getMessages(1, Math.min(count, settings.batchSize()));
			FetchProfile profile = new FetchProfile();
			profile.add(UIDFolder.FetchProfileItem.UID);
			profile.add(FetchProfile.Item.SIZE);
			profile.add(FetchProfile.Item.FLAGS);
			inbox.fetch(batch, profile);
			List<Message> chunk = new ArrayList<>();
			long chunkBytes = 0;
			for (Message message : batch) {
				if (message.isExpunged() || TakenMail.isTaken(message)) {
					continue;
				}
				long size = Math.max(message.getSize(), 0);
				boolean prefetch = size <= maxMailBytes;
				if (!chunk.isEmpty()
						&& (chunk.size() >= PREFETCH_MESSAGES || prefetch && chunkBytes + size > PREFETCH_BYTES)) {
					takeChunk(inbox, processed, uidValidity, chunk, counts);
					chunk.clear();
					chunkBytes = 0;
				}
				chunk.add(message);
				chunkBytes += prefetch ? size : 0;
			}
			if (!chunk.isEmpty()) {
				takeChunk(inbox, processed, uidValidity, chunk, counts);
			}
		}
		finally {
			if (inbox.isOpen()) {
				try {
					inbox.close(false);
				}
				catch (MessagingException ex) {
					// the connection is gone; the next poll reconnects
				}
			}
		}
	}

	private void takeChunk(IMAPFolder inbox, Folder processed, long uidValidity, List<Message> chunk, Counts counts)
			throws MessagingException, IOException {
		List<IMAPMessage> fresh = new ArrayList<>();
		List<Long> uids = new ArrayList<>();
		for (Message message : chunk) {
			long uid = inbox.getUID(message);
			if (seen.seen(uidValidity, uid)) {
				counts.duplicates++;
			}
			else {
				fresh.add((IMAPMessage) message);
				uids.add(uid);
			}
		}
		Message[] whole = fresh.stream().filter(m -> size(m) <= maxMailBytes).toArray(Message[]::new);
		if (whole.length > 0) {
			FetchProfile body = new FetchProfile();
			// BODY.PEEK[]: the \Seen flag stays as it was
			body.add(IMAPFolder.FetchProfileItem.MESSAGE);
			inbox.fetch(whole, body);
		}
		for (int i = 0; i < fresh.size(); i++) {
			Receipt receipt = take(inbox, fresh.get(i), counts);
			seen.record(uidValidity, uids.get(i), receipt.id());
		}
		counts.moved += taken.putAway(inbox, processed, chunk.toArray(Message[]::new));
	}

	private Receipt take(IMAPFolder inbox, IMAPMessage message, Counts counts) throws MessagingException, IOException {
		message.setPeek(true);
		long size = message.getSize();
		RawMailIntake.Taken result;
		if (size > maxMailBytes) {
			result = rawMail.takeOversize(ImapDownload.headers(inbox, message), size, Channel.IMAP);
		}
		else {
			byte[] raw = download.whole(message);
			// null: the server's RFC822.SIZE understated the message; reading stopped at
			// the limit.
			result = raw == null
					? rawMail.takeOversize(ImapDownload.headers(inbox, message), maxMailBytes + 1, Channel.IMAP)
					: rawMail.take(raw, Channel.IMAP);
		}
		switch (result.kind()) {
			case OVERSIZE -> counts.oversize++;
			case UNREADABLE -> counts.unreadable++;
			case READ -> {
				// counted below with the rest
			}
		}
		if (result.receipt().duplicate()) {
			counts.duplicates++;
		}
		else {
			counts.taken++;
		}
		return result.receipt();
	}

	private static long size(Message message) {
		try {
			return message.getSize();
		}
		catch (MessagingException ex) {
			return Long.MAX_VALUE;
		}
	}

}
