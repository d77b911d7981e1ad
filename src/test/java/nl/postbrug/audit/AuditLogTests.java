package nl.postbrug.audit;

import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;

import nl.postbrug.audit.Verification.Problem;
import nl.postbrug.audit.chain.CanonicalEncoding;
import nl.postbrug.audit.chain.ChainEvent;
import nl.postbrug.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chain on its own (no anchors yet): what an event records, and that every kind of
 * edit to the stored rows is found at the right place.
 */
class AuditLogTests {

	@TempDir
	Path anchors;

	private AuditFixture audit;

	@BeforeEach
	void fiveEvents() {
		audit = new AuditFixture(TestDatabase.migrated(), anchors).events(5);
	}

	@Test
	void anUntouchedChainVerifies() {
		Verification verification = audit.verify();
		assertThat(verification.valid()).isTrue();
		assertThat(verification.events()).isEqualTo(5);
		assertThat(verification.firstBroken()).isNull();
		assertThat(verification.problem()).isNull();
		assertThat(verification.legacyEvents()).isZero();
	}

	@Test
	void anEmptyLogVerifies() {
		Verification empty = new AuditFixture(TestDatabase.migrated(), anchors).verify();
		assertThat(empty.valid()).isTrue();
		assertThat(empty.events()).isZero();
	}

	@Test
	void eachEventCarriesThePreviousHash() {
		var links = audit.jdbc.sql("SELECT prev_hash, hash FROM audit_event ORDER BY seq")
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) })
			.list();
		assertThat(links.get(0)[0]).isEqualTo(CanonicalEncoding.GENESIS);
		for (int i = 1; i < links.size(); i++) {
			assertThat(links.get(i)[0]).isEqualTo(links.get(i - 1)[1]);
		}
	}

	@Test
	void everyEventRecordsActorActionObjectResultOriginAndUtcTime() {
		audit.log.append(new AuditLog.Entry("system", "BATCH_PRINT_FAILED", "batch:7", AuditResult.FAILURE,
				"PIA: printer refused", null, null));
		ChainEvent failed = row(6);
		assertThat(failed.actor()).isEqualTo("system");
		assertThat(failed.action()).isEqualTo("BATCH_PRINT_FAILED");
		assertThat(failed.object()).isEqualTo("batch:7");
		assertThat(failed.result()).isEqualTo("FAILURE");
		// no HTTP request in this thread: the service's own work
		assertThat(failed.originChannel()).isEqualTo("system");
		assertThat(failed.originAddress()).isNull();
		assertThat(failed.encoding()).isEqualTo(CanonicalEncoding.CURRENT);
		ChainEvent approved = row(3);
		assertThat(approved.result()).isEqualTo("SUCCESS");
		assertThat(approved.originChannel()).isEqualTo("api");
		assertThat(approved.originAddress()).isEqualTo("192.0.2.3");
		OffsetDateTime stored = audit.jdbc.sql("SELECT at FROM audit_event WHERE seq = 1")
			.query((rs, n) -> rs.getObject(1, OffsetDateTime.class))
			.single();
		assertThat(stored.toInstant()).isEqualTo(Instant.parse("2026-11-28T10:00:00.123Z"));
		assertThat(audit.verify().valid()).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "actor = 'someone-else'", "type = 'MESSAGE_REJECTED'", "subject = 'message:99'",
			"result = 'FAILURE'", "origin_channel = 'web'", "origin_address = '198.51.100.9'", "origin_address = NULL",
			"detail = 'rejected 3'", "detail = NULL", "encoding = 1",
			"at = TIMESTAMP WITH TIME ZONE '2026-11-28 09:00:00+00:00'" })
	void aChangeToAnyFieldIsFoundAtThatEvent(String change) {
		audit.jdbc.sql("UPDATE audit_event SET " + change + " WHERE seq = 3").update();
		Verification verification = audit.verify();
		assertThat(verification.valid()).isFalse();
		assertThat(verification.firstBroken()).isEqualTo(3L);
		assertThat(verification.problem()).isIn(Problem.CONTENT_CHANGED, Problem.ENCODING_DOWNGRADED);
	}

	@Test
	void aRecomputedHashStillBreaksTheNextLink() {
		// A forger who rewrites event 2 and its hash cannot fix event 3, which names the
		// old hash.
		ChainEvent original = row(2);
		ChainEvent forged = new ChainEvent(2, original.at(), original.actor(), original.action(), original.object(),
				original.result(), original.originChannel(), original.originAddress(), "forged",
				CanonicalEncoding.CURRENT, original.prevHash(), null)
			.hashed();
		audit.jdbc.sql("UPDATE audit_event SET detail = 'forged', hash = ? WHERE seq = 2")
			.param(forged.hash())
			.update();
		assertThat(audit.verify()).extracting(Verification::firstBroken, Verification::problem)
			.containsExactly(3L, Problem.LINK_BROKEN);
	}

	@Test
	void anEventDeletedFromTheMiddleIsNamedAsMissing() {
		audit.jdbc.sql("DELETE FROM audit_event WHERE seq = 4").update();
		Verification verification = audit.verify();
		assertThat(verification.events()).isEqualTo(4);
		assertThat(verification).extracting(Verification::firstBroken, Verification::problem)
			.containsExactly(4L, Problem.MISSING);
	}

	@Test
	void twoEventsSwappedBreakTheLinkWhereTheOrderChanges() {
		audit.jdbc.sql("UPDATE audit_event SET seq = 100 WHERE seq = 2").update();
		audit.jdbc.sql("UPDATE audit_event SET seq = 2 WHERE seq = 3").update();
		audit.jdbc.sql("UPDATE audit_event SET seq = 3 WHERE seq = 100").update();
		assertThat(audit.verify()).extracting(Verification::firstBroken, Verification::problem)
			.containsExactly(2L, Problem.LINK_BROKEN);
	}

	@Test
	void theNewestEventsDeletedLeaveTheHeadNamingTheFirstMissing() {
		audit.jdbc.sql("DELETE FROM audit_event WHERE seq >= 4").update();
		Verification verification = audit.verify();
		assertThat(verification.events()).isEqualTo(3);
		assertThat(verification).extracting(Verification::firstBroken, Verification::problem)
			.containsExactly(4L, Problem.HEAD_MISMATCH);
	}

	@Test
	void aReplacedLastEventWithARecomputedHashDisagreesWithTheHead() {
		ChainEvent last = row(5);
		ChainEvent forged = new ChainEvent(5, last.at(), "admin", last.action(), last.object(), last.result(),
				last.originChannel(), last.originAddress(), last.detail(), CanonicalEncoding.CURRENT, last.prevHash(),
				null)
			.hashed();
		audit.jdbc.sql("UPDATE audit_event SET actor = 'admin', hash = ? WHERE seq = 5").param(forged.hash()).update();
		assertThat(audit.verify()).extracting(Verification::firstBroken, Verification::problem)
			.containsExactly(5L, Problem.HEAD_MISMATCH);
	}

	@Test
	void withoutAnchorsTheNewestEventsCanBeDeletedUnnoticedWhenTheHeadIsRewound() {
		// Why anchors exist: the chain alone cannot tell a short log from a cut one.
		audit.deleteNewestAndRewindHead(2);
		assertThat(audit.verify().valid()).isTrue();
		assertThat(audit.verify().events()).isEqualTo(3);
	}

	@Test
	void textIsStoredAsItWillBeReadBackSoItsHashHolds() {
		String longDetail = "x".repeat(1999) + "😀" + "tail";
		audit.log.append("screener", "MESSAGE_WITHHELD", "message:6", "reason\u0000with NUL", null);
		audit.log.append("screener", "MESSAGE_WITHHELD", "message:7", longDetail, null);
		audit.log.append("system", "BATCH_PRINTED", "batch:1", "to ipp://printer:s3cret@printer.example/ipp/print",
				null);
		assertThat(row(6).detail()).isEqualTo("reason\uFFFDwith NUL");
		// the emoji does not fit whole in 2000 characters, so it is left out, not halved
		assertThat(row(7).detail()).hasSize(1999).doesNotContain("\uD83D");
		assertThat(row(8).detail()).isEqualTo("to ipp://…@printer.example/ipp/print").doesNotContain("s3cret");
		assertThat(audit.verify().valid()).isTrue();
	}

	@Test
	void anEventOfAnUnknownEncodingIsNotTrusted() {
		audit.jdbc.sql("UPDATE audit_event SET encoding = 3 WHERE seq = 2").update();
		assertThat(audit.verify()).extracting(Verification::firstBroken, Verification::problem)
			.containsExactly(2L, Problem.UNKNOWN_ENCODING);
	}

	private ChainEvent row(long seq) {
		return audit.jdbc.sql(ChainEvent.SELECT + " WHERE seq = ?")
			.param(seq)
			.query((rs, n) -> ChainEvent.read(rs))
			.single();
	}

}
