package nl.postbrug.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import nl.postbrug.audit.chain.CanonicalEncoding;
import nl.postbrug.audit.chain.ChainEvent;

import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The append-only, hash-chained audit log. Each event's hash covers its fields and the
 * previous event's hash ({@link CanonicalEncoding}), so changing or deleting any event
 * breaks every link after it. Appends join the caller's transaction (the state change and
 * its event commit together); they are chained as the transaction commits, serialised by
 * the row lock on {@code audit_head}.
 */
@Service
public class AuditLog {

	/**
	 * One event to append.
	 *
	 * @param at when it happened; {@code null}: now
	 * @param origin where it came from; {@code null}: the HTTP request being served, or
	 * {@link Origin#SYSTEM}
	 */
	public record Entry(String actor, String action, String object, AuditResult result, String detail, Instant at,
			Origin origin) {
	}

	/** The newest event's sequence number and hash, as {@code audit_head} holds them. */
	public record Head(long seq, String hash) {
	}

	// Widths of the audit_event columns: longer values are cut rather than failing the
	// change they record.
	private static final int ACTOR = 320, ACTION = 64, OBJECT = 100, DETAIL = 2000, ADDRESS = 64;

	// Credentials written into a URI (ipp://user:secret@host/…) stay out of the log.
	private static final Pattern URI_CREDENTIALS = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*://)[^/@\\s]+@");

	private final JdbcClient jdbc;

	private final Clock clock;

	private final RequestOrigins origins;

	AuditLog(JdbcClient jdbc, Clock clock, RequestOrigins origins) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.origins = origins;
	}

	/** A successful action, from the request being served or from the system. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void append(String actor, String action, String object, String detail, Instant at) {
		append(new Entry(actor, action, object, AuditResult.SUCCESS, detail, at, null));
	}

	/** A successful action from a known origin. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void append(String actor, String action, String object, String detail, Instant at, Origin origin) {
		append(new Entry(actor, action, object, AuditResult.SUCCESS, detail, at, origin));
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void append(Entry entry) {
		// Where it came from is the request being served now, not whatever thread
		// commits.
		Entry resolved = new Entry(entry.actor(), entry.action(), entry.object(), entry.result(), entry.detail(),
				entry.at(), entry.origin() == null ? origins.current() : entry.origin());
		ChainAtCommit chain = chainOfThisTransaction();
		if (chain == null || chain.written) {
			chain(List.of(resolved));
		}
		else {
			chain.entries.add(resolved);
		}
	}

	/**
	 * The transaction's events wait until it is about to commit and are then chained in
	 * one go. The lock on {@code audit_head} that serialises all writers is so held only
	 * for those inserts and the commit, not for the rest of the transaction's work (a
	 * scan's lookups and updates held it for most of the request). The events still
	 * commit with the change, or not at all, in the order they were appended.
	 */
	private ChainAtCommit chainOfThisTransaction() {
		if (!TransactionSynchronizationManager.isSynchronizationActive()
				|| !TransactionSynchronizationManager.isActualTransactionActive()) {
			return null;
		}
		// Looked up among the synchronizations, not bound as a resource: those of an
		// outer
		// transaction are suspended while an inner one (REQUIRES_NEW) runs.
		for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
			if (synchronization instanceof ChainAtCommit chain && chain.log == this) {
				return chain;
			}
		}
		ChainAtCommit chain = new ChainAtCommit(this);
		TransactionSynchronizationManager.registerSynchronization(chain);
		return chain;
	}

	private static final class ChainAtCommit implements TransactionSynchronization {

		private final AuditLog log;

		private final List<Entry> entries = new ArrayList<>();

		// set once chained: an event appended by a later beforeCommit is chained at once
		private boolean written;

		ChainAtCommit(AuditLog log) {
			this.log = log;
		}

		@Override
		public void beforeCommit(boolean readOnly) {
			written = true;
			if (!entries.isEmpty()) {
				log.chain(entries);
			}
		}

		@Override
		public int getOrder() {
			// after every other synchronization that may still append
			return Ordered.LOWEST_PRECEDENCE;
		}

	}

	/**
	 * Links the events to the head under its row lock. An event without a time gets the
	 * time it is chained at, so times rise with the sequence numbers.
	 */
	private void chain(List<Entry> entries) {
		Head head = jdbc.sql("SELECT last_seq, last_hash FROM audit_head WHERE id = 1 FOR UPDATE")
			.query((rs, n) -> new Head(rs.getLong(1), rs.getString(2)))
			.single();
		Instant now = clock.instant();
		for (Entry entry : entries) {
			Instant when = (entry.at() == null ? now : entry.at()).truncatedTo(ChronoUnit.MILLIS);
			ChainEvent event = new ChainEvent(head.seq() + 1, when, clean(entry.actor(), ACTOR),
					clean(entry.action(), ACTION), clean(entry.object(), OBJECT), entry.result().name(),
					entry.origin().channel(), clean(entry.origin().address(), ADDRESS),
					clean(redacted(entry.detail()), DETAIL), CanonicalEncoding.CURRENT, head.hash(), null)
				.hashed();
			jdbc.sql(
					"""
							INSERT INTO audit_event (seq, at, actor, type, subject, result, origin_channel, origin_address, detail,
							    encoding, prev_hash, hash)
							VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(event.seq(), event.at().atOffset(ZoneOffset.UTC), event.actor(), event.action(), event.object(),
						event.result(), event.originChannel(), event.originAddress(), event.detail(), event.encoding(),
						event.prevHash(), event.hash())
				.update();
			head = new Head(event.seq(), event.hash());
		}
		jdbc.sql("UPDATE audit_head SET last_seq = ?, last_hash = ? WHERE id = 1")
			.params(head.seq(), head.hash())
			.update();
	}

	public Head head() {
		return jdbc.sql("SELECT last_seq, last_hash FROM audit_head WHERE id = 1")
			.query((rs, n) -> new Head(rs.getLong(1), rs.getString(2)))
			.single();
	}

	private static String redacted(String detail) {
		return detail == null ? null : URI_CREDENTIALS.matcher(detail).replaceAll("$1…@");
	}

	/**
	 * The text as the database will store it, so that the hash computed now is the hash
	 * recomputed later: no NUL (PostgreSQL refuses it), no half of a surrogate pair
	 * (neither database keeps it), no more than the column holds.
	 */
	static String clean(String text, int width) {
		if (text == null) {
			return null;
		}
		StringBuilder kept = new StringBuilder(Math.min(text.length(), width));
		for (int i = 0; i < text.length() && kept.length() < width; i++) {
			char c = text.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				if (kept.length() + 2 > width) {
					break;
				}
				kept.append(c).append(text.charAt(++i));
			}
			else {
				kept.append(c == 0 || Character.isSurrogate(c) ? '\uFFFD' : c);
			}
		}
		return kept.toString();
	}

}
