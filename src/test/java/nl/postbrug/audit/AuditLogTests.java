package nl.postbrug.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import nl.postbrug.support.TestDatabase;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

class AuditLogTests {

	private JdbcClient jdbc;

	private AuditLog log;

	@BeforeEach
	void fiveEvents() {
		jdbc = JdbcClient.create(TestDatabase.migrated());
		log = new AuditLog(jdbc, Clock.fixed(Instant.parse("2026-11-28T10:00:00.123456Z"), ZoneOffset.UTC));
		for (int i = 1; i <= 5; i++) {
			log.append("screener", "MESSAGE_APPROVED", "message:" + i, "approved " + i, null);
		}
	}

	@Test
	void anUntouchedChainVerifies() {
		assertThat(log.verify()).isEqualTo(new AuditLog.Verification(true, 5, null));
	}

	@Test
	void anEmptyLogVerifies() {
		AuditLog empty = new AuditLog(JdbcClient.create(TestDatabase.migrated()), Clock.systemUTC());
		assertThat(empty.verify()).isEqualTo(new AuditLog.Verification(true, 0, null));
	}

	@Test
	void eachEventCarriesThePreviousHash() {
		var links = jdbc.sql("SELECT prev_hash, hash FROM audit_event ORDER BY seq")
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) })
			.list();
		assertThat(links.get(0)[0]).isEqualTo(AuditLog.GENESIS);
		for (int i = 1; i < links.size(); i++) {
			assertThat(links.get(i)[0]).isEqualTo(links.get(i - 1)[1]);
		}
	}

	@Test
	void aChangedDetailIsTheFirstBrokenLink() {
		jdbc.sql("UPDATE audit_event SET detail = 'rejected 3' WHERE seq = 3").update();
		assertThat(log.verify()).isEqualTo(new AuditLog.Verification(false, 5, 3L));
	}

	@Test
	void aChangedActorOrTimeIsNoticed() {
		jdbc.sql("UPDATE audit_event SET actor = 'someone-else' WHERE seq = 2").update();
		assertThat(log.verify().firstBroken()).isEqualTo(2L);
	}

	@Test
	void aRecomputedHashStillBreaksTheNextLink() {
		// A forger who rewrites event 2 and its hash cannot fix event 3, which names the
		// old hash.
		jdbc.sql("UPDATE audit_event SET detail = 'forged', hash = ? WHERE seq = 2")
			.param(AuditLog.hash(
					jdbc.sql("SELECT prev_hash FROM audit_event WHERE seq = 2").query(String.class).single(), 2,
					Instant.parse("2026-11-28T10:00:00.123Z"), "screener", "MESSAGE_APPROVED", "message:2", "forged"))
			.update();
		assertThat(log.verify().firstBroken()).isEqualTo(3L);
	}

	@Test
	void aDeletedEventIsNoticed() {
		jdbc.sql("DELETE FROM audit_event WHERE seq = 4").update();
		assertThat(log.verify()).isEqualTo(new AuditLog.Verification(false, 4, 4L));
	}

	@Test
	void aCutOffTailIsNoticed() {
		jdbc.sql("DELETE FROM audit_event WHERE seq = 5").update();
		assertThat(log.verify()).isEqualTo(new AuditLog.Verification(false, 4, 5L));
	}

	@Test
	void timesAreKeptToTheMillisecondSoTheyVerifyOnEveryDatabase() {
		Instant at = jdbc.sql("SELECT at FROM audit_event WHERE seq = 1")
			.query((rs, n) -> rs.getObject(1, java.time.OffsetDateTime.class).toInstant())
			.single();
		assertThat(at).isEqualTo(Instant.parse("2026-11-28T10:00:00.123Z"));
	}

}
