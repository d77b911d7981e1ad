package nl.postbrug.audit;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import javax.sql.DataSource;

import nl.postbrug.Sha256;
import nl.postbrug.audit.Verification.Problem;
import nl.postbrug.audit.chain.CanonicalEncoding;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database from before the canonical encoding changed: its events keep their
 * newline-joined hashes and verify as written, the chain goes on in the current encoding,
 * and the old encoding is never accepted after the new one.
 */
class LegacyChainTests {

	@TempDir
	Path anchors;

	@Test
	void eventsHashedTheOldWayStillVerifyAfterTheMigrationAndTheChainGoesOn() {
		DataSource database = threeEventsWrittenBeforeTheChange();
		JdbcClient jdbc = JdbcClient.create(database);

		AuditFixture audit = new AuditFixture(database, anchors).events(2);
		Verification verification = audit.verify();
		assertThat(verification.valid()).isTrue();
		assertThat(verification.events()).isEqualTo(5);
		assertThat(verification.legacyEvents()).isEqualTo(3);
		assertThat(jdbc.sql("SELECT encoding FROM audit_event ORDER BY seq").query(Integer.class).list())
			.containsExactly(1, 1, 1, 2, 2);
	}

	@Test
	void anOldEventChangedAfterTheMigrationIsStillFound() {
		DataSource database = threeEventsWrittenBeforeTheChange();
		JdbcClient jdbc = JdbcClient.create(database);
		jdbc.sql("UPDATE audit_event SET detail = 'approved 2' WHERE seq = 2").update();
		assertThat(new AuditFixture(database, anchors).verify())
			.extracting(Verification::firstBroken, Verification::problem)
			.containsExactly(2L, Problem.CONTENT_CHANGED);
	}

	@Test
	void aNewEventRelabelledAsOldEncodingIsRefused() {
		AuditFixture audit = new AuditFixture(nl.postbrug.support.TestDatabase.migrated(), anchors).events(3);
		// Whatever the forger computes, an old-encoding event after a new one is refused.
		audit.jdbc.sql("UPDATE audit_event SET encoding = 1 WHERE seq = 3").update();
		assertThat(audit.verify()).extracting(Verification::firstBroken, Verification::problem)
			.containsExactly(3L, Problem.ENCODING_DOWNGRADED);
	}

	/**
	 * A database migrated up to the last version before this change, three events written
	 * as the service wrote them then (details with a line break), then migrated to the
	 * current version.
	 */
	private static DataSource threeEventsWrittenBeforeTheChange() {
		DataSource database = database();
		migrate(database, "21");
		JdbcClient jdbc = JdbcClient.create(database);
		String previous = CanonicalEncoding.GENESIS;
		for (int seq = 1; seq <= 3; seq++) {
			previous = insertTheOldWay(jdbc, seq, previous, "approved " + seq + "\nwith a second line");
		}
		migrate(database, null);
		return database;
	}

	/** An event as the service wrote it before this change (audit/AuditLog.hash then). */
	private static String insertTheOldWay(JdbcClient jdbc, long seq, String previous, String detail) {
		Instant at = Instant.parse("2026-10-01T08:00:00.250Z").plusSeconds(seq);
		String hash = Sha256.hex(String.join("\n", previous, Long.toString(seq), at.toString(), "screener",
				"MESSAGE_APPROVED", "message:" + seq, detail));
		jdbc.sql(
				"INSERT INTO audit_event (seq, at, actor, type, subject, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
			.params(seq, at.atOffset(ZoneOffset.UTC), "screener", "MESSAGE_APPROVED", "message:" + seq, detail,
					previous, hash)
			.update();
		jdbc.sql("UPDATE audit_head SET last_seq = ?, last_hash = ? WHERE id = 1").params(seq, hash).update();
		return hash;
	}

	private static DataSource database() {
		return new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
	}

	private static void migrate(DataSource database, String target) {
		var flyway = Flyway.configure()
			.dataSource(database)
			.locations("classpath:db/migration/common", "classpath:db/migration/h2");
		if (target != null) {
			flyway.target(target);
		}
		flyway.load().migrate();
	}

}
