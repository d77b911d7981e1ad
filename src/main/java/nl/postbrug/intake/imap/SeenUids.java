package nl.postbrug.intake.imap;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The IMAP messages already taken, keyed as the server names them: (mailbox, UIDVALIDITY,
 * UID). Mail found here after a crash or by a second poller is only moved.
 */
final class SeenUids {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final String mailbox;

	SeenUids(JdbcClient jdbc, Clock clock, String mailbox) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.mailbox = mailbox;
	}

	boolean seen(long uidValidity, long uid) {
		return jdbc.sql("SELECT COUNT(*) FROM imap_seen WHERE mailbox = ? AND uid_validity = ? AND uid = ?")
			.params(mailbox, uidValidity, uid)
			.query(Long.class)
			.single() > 0;
	}

	void record(long uidValidity, long uid, UUID messageId) {
		try {
			jdbc.sql("INSERT INTO imap_seen (mailbox, uid_validity, uid, message_id, seen_at) VALUES (?, ?, ?, ?, ?)")
				.params(mailbox, uidValidity, uid, messageId.toString(), clock.instant().atOffset(ZoneOffset.UTC))
				.update();
		}
		catch (DuplicateKeyException otherPoller) {
			// Another poller recorded it first; both point at the one message the source
			// hash allowed.
		}
	}

}
