package nl.postbrug.audit;

import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import javax.sql.DataSource;

import nl.postbrug.audit.anchor.AnchorFolder;
import nl.postbrug.audit.anchor.AnchorKeyring;
import nl.postbrug.audit.anchor.AnchorKeys;
import nl.postbrug.audit.anchor.AnchorSigner;
import nl.postbrug.audit.anchor.Anchoring;
import nl.postbrug.audit.anchor.SignedAnchor;
import nl.postbrug.audit.chain.CanonicalEncoding;
import nl.postbrug.audit.chain.ChainVerifier;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * An audit log on a database of the test's own, with an anchor folder and an Ed25519 key
 * pair: appends, anchors, verifies, and lets the test tamper with the rows as someone
 * with database access would.
 */
public final class AuditFixture {

	public static final Instant T0 = Instant.parse("2026-11-28T10:00:00.123456Z");

	public final DataSource dataSource;

	public final JdbcClient jdbc;

	public final AuditLog log;

	public final KeyPair keys = AnchorKeys.generate();

	public final AnchorFolder anchors;

	private final MutableClock clock = new MutableClock(T0);

	// threads start only when a test schedules something (and shuts it down)
	public final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();

	public AuditFixture(DataSource dataSource, Path anchorDir) {
		this.dataSource = dataSource;
		this.jdbc = JdbcClient.create(dataSource);
		this.log = new AuditLog(jdbc, clock, new RequestOrigins(settings(anchorDir)));
		this.anchors = new AnchorFolder(anchorDir);
		this.scheduler.initialize();
	}

	/** Appends {@code n} approvals, one second apart, as a screener over the API. */
	public AuditFixture events(int n) {
		for (int i = 0; i < n; i++) {
			long seq = log.head().seq() + 1;
			log.append("screener", "MESSAGE_APPROVED", "message:" + seq, "approved " + seq, null,
					Origin.api("192.0.2." + seq % 250));
			clock.advance(Duration.ofSeconds(1));
		}
		return this;
	}

	/** Signs the current head into the anchor folder, as the scheduler would. */
	public SignedAnchor anchor() {
		SignedAnchor signed = anchoring().anchor();
		clock.advance(Duration.ofSeconds(1));
		return signed;
	}

	/** The service's anchoring on this log, on a scheduler of its own. */
	public Anchoring anchoring() {
		return new Anchoring(log,
				new AnchorKeyring(new AnchorSigner(keys.getPrivate(), keys.getPublic()), keys.getPublic()), anchors,
				scheduler, settings(anchors.dir()), clock);
	}

	public static AuditSettings settings(Path anchorDir) {
		return new AuditSettings(Duration.ofMinutes(10), anchorDir, null, null, null, false, List.of(),
				Duration.ofDays(366));
	}

	public Verification verify() {
		return new ChainVerifier(dataSource).verify(anchors.readAll(), keys.getPublic());
	}

	public Verification verifyWith(java.security.PublicKey key) {
		return new ChainVerifier(dataSource).verify(anchors.readAll(), key);
	}

	/** Deletes the newest {@code n} events and points the head at the new last one. */
	public void deleteNewestAndRewindHead(int n) {
		long last = log.head().seq();
		jdbc.sql("DELETE FROM audit_event WHERE seq > ?").param(last - n).update();
		String hash = jdbc.sql("SELECT hash FROM audit_event WHERE seq = ?")
			.param(last - n)
			.query(String.class)
			.optional()
			.orElse(CanonicalEncoding.GENESIS);
		jdbc.sql("UPDATE audit_head SET last_seq = ?, last_hash = ? WHERE id = 1").params(last - n, hash).update();
	}

	public Clock clock() {
		return clock;
	}

	/** A clock the test moves on. */
	public static final class MutableClock extends Clock {

		private Instant now;

		MutableClock(Instant now) {
			this.now = now;
		}

		void advance(Duration by) {
			now = now.plus(by);
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return now;
		}

	}

}
