package nl.postbrug.intake.imap;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;

import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPMessage;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.eclipse.angus.mail.imap.protocol.BODY;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.postbrug.intake.Channel;
import nl.postbrug.intake.IntakeSettings;
import nl.postbrug.intake.Receipt;
import nl.postbrug.intake.mail.RawMailIntake;

import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Polls the IMAP mailbox on a thread of its own. Each message is fetched with peek,
 * stored and committed, recorded under its (UIDVALIDITY, UID), and only then moved to the
 * processed folder (or flagged where there is none). Whatever happens between those
 * steps, the next poll finds the message by its UID or by its source hash and only moves
 * it, so nothing is lost and nothing doubles, also with two pollers on one mailbox. Mail
 * over the size limit is known by its RFC822.SIZE and recorded from its headers alone. A
 * failed poll (no connection, a server restart, a refused login) is retried with a
 * doubling pause and reported by {@link ImapHealth}; it never stops the application.
 */
@Component
public class ImapPoller implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ImapPoller.class);

	/** The keyword marking taken mail when there is no processed folder to move it to. */
	static final String TAKEN = "$PostbrugTaken";

	private static final int HEADER_BYTES = 65_536;

	private static final int PREFETCH_MESSAGES = 50;

	private static final long PREFETCH_BYTES = 8L * 1024 * 1024;

	/** What one poll did. {@code error} is {@code null} when the poll succeeded. */
	public record Poll(int taken, int duplicates, int oversize, int unreadable, int moved, String error) {
	}

	/** The poller's health as {@link ImapHealth} reports it. */
	record State(boolean enabled, Instant lastSuccess, Instant lastFailure, String lastError, int failures) {
	}

	private final ImapSettings settings;

	private final RawMailIntake rawMail;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final long maxMailBytes;

	private final Session session;

	private volatile State state;

	private volatile boolean running;

	private Thread thread;

	private Store store;

	/**
	 * Test seam: runs after each message is committed and recorded, before it is moved.
	 */
	volatile Consumer<Receipt> afterCommit = receipt -> {
	};

	ImapPoller(ImapSettings settings, RawMailIntake rawMail, JdbcClient jdbc, Clock clock,
			IntakeSettings intakeSettings) {
		this.settings = settings;
		this.rawMail = rawMail;
		this.jdbc = jdbc;
		this.clock = clock;
		this.maxMailBytes = intakeSettings.maxMailBytes();
		this.session = Session.getInstance(properties(settings));
		this.state = new State(settings.enabled(), null, null, null, 0);
	}

	private static Properties properties(ImapSettings settings) {
		String protocol = settings.tls() ? "imaps" : "imap";
		String prefix = "mail." + protocol + ".";
		String timeout = String.valueOf(settings.timeout().toMillis());
		Properties properties = new Properties();
		properties.setProperty("mail.store.protocol", protocol);
		properties.setProperty(prefix + "connectiontimeout", timeout);
		properties.setProperty(prefix + "timeout", timeout);
		properties.setProperty(prefix + "peek", "true");
		properties.setProperty(prefix + "partialfetch", "true");
		properties.setProperty(prefix + "fetchsize", "65536");
		if (settings.tls()) {
			properties.setProperty(prefix + "ssl.checkserveridentity", "true");
		}
		if (settings.starttls()) {
			properties.setProperty(prefix + "starttls.enable", "true");
			properties.setProperty(prefix + "starttls.required", "true");
		}
		return properties;
	}

	// --- lifecycle
	// ---------------------------------------------------------------------------------

	@Override
	public synchronized void start() {
		if (!settings.enabled() || running) {
			return;
		}
		running = true;
		thread = new Thread(this::loop, "imap-poller");
		thread.setDaemon(true);
		thread.start();
		log.info("IMAP intake polls {} every {}", settings.mailbox(), settings.pollInterval());
	}

	@Override
	public void stop() {
		Thread polling;
		synchronized (this) {
			running = false;
			polling = thread;
			thread = null;
		}
		if (polling != null) {
			polling.interrupt();
			try {
				polling.join(TimeUnit.SECONDS.toMillis(10));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		disconnect();
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	private void loop() {
		while (running) {
			Poll poll = pollOnce();
			// A full batch means more may be waiting: go on at once.
			Duration pause = poll.error() != null ? retryPause(state.failures())
					: poll.moved() >= settings.batchSize() ? Duration.ZERO : settings.pollInterval();
			try {
				Thread.sleep(pause.toMillis());
			}
			catch (InterruptedException ex) {
				return;
			}
		}
	}

	Duration retryPause(int failures) {
		long millis = settings.retryMin().toMillis() << Math.min(Math.max(failures - 1, 0), 20);
		return Duration.ofMillis(Math.min(millis, settings.retryMax().toMillis()));
	}

	State state() {
		return state;
	}

	// --- one poll
	// ----------------------------------------------------------------------------------

	/**
	 * Polls once: takes what waits in the mailbox, moves what was taken. Never throws.
	 */
	public synchronized Poll pollOnce() {
		if (!settings.enabled()) {
			return new Poll(0, 0, 0, 0, 0, "IMAP intake is not configured");
		}
		Counts counts = new Counts();
		try {
			poll(counts);
			state = new State(true, clock.instant(), state.lastFailure(), state.lastError(), 0);
			if (counts.taken + counts.duplicates > 0) {
				log.info("IMAP intake: {} taken, {} already had, {} oversize, {} unreadable, {} moved", counts.taken,
						counts.duplicates, counts.oversize, counts.unreadable, counts.moved);
			}
			return counts.poll(null);
		}
		catch (MessagingException | IOException | RuntimeException ex) {
			String error = ex.getClass().getSimpleName() + ": " + ex.getMessage();
			int failures = state.failures() + 1;
			state = new State(true, state.lastSuccess(), clock.instant(), error, failures);
			if (failures == 1 || failures == settings.failuresUntilDown()) {
				log.warn("IMAP intake: poll of {} failed ({} in a row), retrying in {}: {}", settings.mailbox(),
						failures, retryPause(failures), error);
			}
			else {
				log.debug("IMAP intake: poll failed again", ex);
			}
			disconnect();
			return counts.poll(error);
		}
	}

	private void poll(Counts counts) throws MessagingException, IOException {
		Store connected = connect();
		IMAPFolder inbox = (IMAPFolder) connected.getFolder(settings.folder());
		inbox.open(Folder.READ_WRITE);
		try {
			long uidValidity = inbox.getUIDValidity();
			Folder processed = processedFolder(connected);
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
			// Mail already taken (a crash before the move, another poller) is only moved;
			// the rest is
			// downloaded a chunk per round trip, at most PREFETCH_BYTES at a time, and
			// moved per chunk.
			List<Message> chunk = new ArrayList<>();
			long chunkBytes = 0;
			for (Message message : batch) {
				if (message.isExpunged() || message.getFlags().contains(TAKEN)) {
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
		List<Message> fresh = new ArrayList<>();
		List<Long> uids = new ArrayList<>();
		for (Message message : chunk) {
			long uid = inbox.getUID(message);
			if (seen(uidValidity, uid).isPresent()) {
				counts.duplicates++;
			}
			else {
				fresh.add(message);
				uids.add(uid);
			}
		}
		Message[] download = fresh.stream().filter(m -> size(m) <= maxMailBytes).toArray(Message[]::new);
		if (download.length > 0) {
			FetchProfile whole = new FetchProfile();
			whole.add(IMAPFolder.FetchProfileItem.MESSAGE); // BODY.PEEK[]: the \Seen flag
															// stays as it was
			inbox.fetch(download, whole);
		}
		for (int i = 0; i < fresh.size(); i++) {
			Receipt receipt = take(inbox, (IMAPMessage) fresh.get(i), counts);
			markSeen(uidValidity, uids.get(i), receipt.id());
			afterCommit.accept(receipt);
		}
		counts.moved += moveAway(inbox, processed, chunk.toArray(Message[]::new));
	}

	private static long size(Message message) {
		try {
			return message.getSize();
		}
		catch (MessagingException ex) {
			return Long.MAX_VALUE;
		}
	}

	private Receipt take(IMAPFolder inbox, IMAPMessage message, Counts counts) throws MessagingException, IOException {
		message.setPeek(true);
		long size = message.getSize();
		RawMailIntake.Taken taken;
		if (size > maxMailBytes) {
			taken = rawMail.takeOversize(headers(inbox, message), size, Channel.IMAP);
		}
		else {
			byte[] raw = download(message);
			// null: the server's RFC822.SIZE understated the message; reading stopped at
			// the limit.
			taken = raw == null ? rawMail.takeOversize(headers(inbox, message), maxMailBytes + 1, Channel.IMAP)
					: rawMail.take(raw, Channel.IMAP);
		}
		switch (taken.kind()) {
			case OVERSIZE -> counts.oversize++;
			case UNREADABLE -> counts.unreadable++;
			case READ -> {
			}
		}
		if (taken.receipt().duplicate()) {
			counts.duplicates++;
		}
		else {
			counts.taken++;
		}
		return taken.receipt();
	}

	/** The raw message, or {@code null} when it is longer than the limit. */
	private byte[] download(IMAPMessage message) throws MessagingException, IOException {
		Bounded out = new Bounded((int) Math.min(Math.max(message.getSize(), 1024), maxMailBytes), maxMailBytes);
		try {
			message.writeTo(out);
		}
		catch (java.io.UncheckedIOException ex) {
			if (ex.getCause() instanceof Bounded.Overflow) {
				return null;
			}
			throw ex;
		}
		return out.toByteArray();
	}

	/** A buffer that refuses to grow past the mail size limit. */
	private static final class Bounded extends ByteArrayOutputStream {

		static final class Overflow extends IOException {

			Overflow() {
				super("over the size limit");
			}

		}

		private final long limit;

		Bounded(int initial, long limit) {
			super(initial);
			this.limit = limit;
		}

		@Override
		public synchronized void write(byte[] bytes, int offset, int length) {
			if (count + (long) length > limit) {
				throw new java.io.UncheckedIOException(new Overflow());
			}
			super.write(bytes, offset, length);
		}

		@Override
		public synchronized void write(int b) {
			if (count + 1L > limit) {
				throw new java.io.UncheckedIOException(new Overflow());
			}
			super.write(b);
		}

	}

	/** At most the first 64 KB of the header block, fetched with peek; never the body. */
	private byte[] headers(IMAPFolder inbox, IMAPMessage message) throws MessagingException {
		int number = message.getMessageNumber();
		Object bytes = inbox.doCommand(protocol -> {
			BODY body = protocol.peekBody(number, "HEADER", 0, HEADER_BYTES);
			return body == null || body.getByteArray() == null ? new byte[0] : body.getByteArray().getNewBytes();
		});
		byte[] headers = (byte[]) bytes;
		// A block cut at 64 KB ends mid-field; drop the partial last line.
		if (headers.length >= HEADER_BYTES) {
			int end = headers.length;
			while (end > 0 && headers[end - 1] != '\n') {
				end--;
			}
			headers = java.util.Arrays.copyOf(headers, end);
		}
		return headers;
	}

	private Folder processedFolder(Store connected) throws MessagingException {
		if (settings.processedFolder() == null || settings.processedFolder().isBlank()) {
			return null;
		}
		Folder processed = connected.getFolder(settings.processedFolder());
		if (!processed.exists() && !processed.create(Folder.HOLDS_MESSAGES)) {
			throw new MessagingException("Cannot create the folder " + settings.processedFolder());
		}
		return processed;
	}

	private int moveAway(IMAPFolder inbox, Folder processed, Message[] done) throws MessagingException {
		if (done.length == 0) {
			return 0;
		}
		IMAPStore imap = (IMAPStore) inbox.getStore();
		if (processed == null) {
			inbox.setFlags(done, new Flags(TAKEN), true);
		}
		else if (imap.hasCapability("MOVE")) {
			inbox.moveMessages(done, processed);
		}
		else {
			inbox.copyMessages(done, processed);
			inbox.setFlags(done, new Flags(Flags.Flag.DELETED), true);
			if (imap.hasCapability("UIDPLUS")) {
				inbox.expunge(done);
			}
			else {
				inbox.expunge();
			}
		}
		return done.length;
	}

	// --- dedupe keys
	// -------------------------------------------------------------------------------

	private Optional<UUID> seen(long uidValidity, long uid) {
		return jdbc.sql("SELECT message_id FROM imap_seen WHERE mailbox = ? AND uid_validity = ? AND uid = ?")
			.params(settings.mailbox(), uidValidity, uid)
			.query(String.class)
			.optional()
			.map(UUID::fromString);
	}

	private void markSeen(long uidValidity, long uid, UUID messageId) {
		try {
			jdbc.sql("INSERT INTO imap_seen (mailbox, uid_validity, uid, message_id, seen_at) VALUES (?, ?, ?, ?, ?)")
				.params(settings.mailbox(), uidValidity, uid, messageId.toString(),
						clock.instant().atOffset(ZoneOffset.UTC))
				.update();
		}
		catch (DuplicateKeyException otherPoller) {
			// Another poller recorded it first; both point at the one message the source
			// hash allowed.
		}
	}

	/** Test seam: cuts the connection the way a network failure would. */
	void dropConnection() {
		Store current = store;
		if (current != null) {
			try {
				current.close();
			}
			catch (MessagingException ex) {
				// gone already
			}
		}
	}

	// --- connection
	// --------------------------------------------------------------------------------

	private Store connect() throws MessagingException {
		if (store != null && store.isConnected()) {
			return store;
		}
		disconnect();
		Store fresh = session.getStore();
		fresh.connect(settings.host(), settings.port(), settings.user(), settings.password());
		store = fresh;
		return fresh;
	}

	private synchronized void disconnect() {
		if (store != null) {
			try {
				store.close();
			}
			catch (MessagingException | RuntimeException ex) {
				// already gone
			}
			store = null;
		}
	}

	private static final class Counts {

		int taken;

		int duplicates;

		int oversize;

		int unreadable;

		int moved;

		Poll poll(String error) {
			return new Poll(taken, duplicates, oversize, unreadable, moved, error);
		}

	}

}
