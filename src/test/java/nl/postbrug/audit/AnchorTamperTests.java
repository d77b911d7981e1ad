package nl.postbrug.audit;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import nl.postbrug.audit.Verification.AnchorFault;
import nl.postbrug.audit.Verification.AnchorProblem;
import nl.postbrug.audit.Verification.Problem;
import nl.postbrug.audit.anchor.AnchorKeys;
import nl.postbrug.audit.anchor.SignedAnchor;
import nl.postbrug.audit.chain.CanonicalEncoding;
import nl.postbrug.audit.chain.ChainEvent;
import nl.postbrug.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Someone with write access to the database, but not to the anchor key, edits the log in
 * the ways that the chain alone cannot catch, or forges the anchors themselves;
 * verification names the place every time.
 */
class AnchorTamperTests {

	@TempDir
	Path anchors;

	private AuditFixture audit;

	private SignedAnchor at5;

	private SignedAnchor at10;

	@BeforeEach
	void tenEventsAnchoredAtFiveAndTen() {
		audit = new AuditFixture(TestDatabase.migrated(), anchors).events(5);
		at5 = audit.anchor();
		audit.events(5);
		at10 = audit.anchor();
	}

	@Test
	void anIntactChainConfirmsEveryAnchor() {
		Verification verification = audit.verify();
		assertThat(verification.valid()).isTrue();
		assertThat(verification.anchors().found()).isEqualTo(2);
		assertThat(verification.anchors().confirmed()).isEqualTo(2);
		assertThat(verification.anchors().newestSeq()).isEqualTo(10L);
		assertThat(verification.anchors().keyId()).isEqualTo(AnchorKeys.id(audit.keys.getPublic()));
	}

	@Test
	void theNewestEventsDeletedWithTheHeadRewoundAreFoundByTheAnchor() {
		audit.deleteNewestAndRewindHead(3);
		Verification verification = audit.verify();
		assertThat(verification.valid()).isFalse();
		assertThat(verification.events()).isEqualTo(7);
		assertThat(verification.firstBroken()).isEqualTo(8L);
		assertThat(verification.problem()).isEqualTo(Problem.REMOVED_AFTER_ANCHOR);
		assertThat(verification.anchors().problems())
			.containsExactly(new AnchorProblem(file(at10), 10L, AnchorFault.BEYOND_END));
		assertThat(verification.anchors().confirmed()).isEqualTo(1);
	}

	@Test
	void eventsDeletedAndTheChainContinuedOverThemDifferFromTheAnchor() {
		// The forger cuts events 8-10, rewinds the head, and lets the service go on: new
		// events take the numbers 8-10 with other hashes.
		audit.deleteNewestAndRewindHead(3);
		audit.events(4);
		assertRewrittenAfterTheAnchorAtFive(audit.verify());
	}

	@Test
	void aChainRewrittenFromSomeEventOnWithFreshHashesDiffersFromTheAnchor() {
		// Every hash from event 7 on recomputed so that all links hold again.
		String previous = row(6).hash();
		for (long seq = 7; seq <= 10; seq++) {
			ChainEvent old = row(seq);
			ChainEvent rewritten = new ChainEvent(seq, old.at(), seq == 7 ? "someone-else" : old.actor(), old.action(),
					old.object(), old.result(), old.originChannel(), old.originAddress(), old.detail(),
					CanonicalEncoding.CURRENT, previous, null)
				.hashed();
			audit.jdbc.sql("UPDATE audit_event SET actor = ?, prev_hash = ?, hash = ? WHERE seq = ?")
				.params(rewritten.actor(), rewritten.prevHash(), rewritten.hash(), seq)
				.update();
			previous = rewritten.hash();
		}
		audit.jdbc.sql("UPDATE audit_head SET last_hash = ? WHERE id = 1").param(previous).update();
		assertRewrittenAfterTheAnchorAtFive(audit.verify());
	}

	/**
	 * The anchor at 10 no longer matches; the one at 5 still does, so the events from 6
	 * on cannot be trusted.
	 */
	private void assertRewrittenAfterTheAnchorAtFive(Verification verification) {
		assertThat(verification.firstBroken()).isEqualTo(6L);
		assertThat(verification.problem()).isEqualTo(Problem.DIFFERS_FROM_ANCHOR);
		assertThat(verification.anchors().problems())
			.containsExactly(new AnchorProblem(file(at10), 10L, AnchorFault.HASH_MISMATCH));
	}

	@Test
	void aForgedAnchorFileFailsItsSignature() throws Exception {
		// A forger moves the anchor back to event 7 to hide that 8-10 were cut.
		Path file = anchors.resolve(file(at10));
		String text = Files.readString(file).replace("seq=10", "seq=7").replace(at10.anchor().hash(), row(7).hash());
		Files.writeString(file, text);
		audit.deleteNewestAndRewindHead(3);
		Verification verification = audit.verify();
		assertThat(verification.valid()).isFalse();
		assertThat(verification.anchors().problems())
			.containsExactly(new AnchorProblem(file(at10), 7L, AnchorFault.BAD_SIGNATURE));
	}

	@Test
	void anAnchorSignedWithAnotherKeyIsNotTrusted() throws Exception {
		AuditFixture other = new AuditFixture(audit.dataSource, Files.createTempDirectory(anchors, "other"));
		SignedAnchor foreign = other.anchor();
		Files.writeString(anchors.resolve("anchor-foreign.txt"), foreign.text(), StandardCharsets.US_ASCII);
		assertThat(audit.verify().anchors().problems())
			.containsExactly(new AnchorProblem("anchor-foreign.txt", 10L, AnchorFault.OTHER_KEY));
	}

	@Test
	void theWrongPublicKeyTrustsNoAnchorAndSaysSoForEachFile() {
		Verification verification = audit.verifyWith(AnchorKeys.generate().getPublic());
		assertThat(verification.valid()).isFalse();
		assertThat(verification.firstBroken()).isNull();
		assertThat(verification.anchors().confirmed()).isZero();
		assertThat(verification.anchors().problems()).containsExactly(
				new AnchorProblem(file(at5), 5L, AnchorFault.OTHER_KEY),
				new AnchorProblem(file(at10), 10L, AnchorFault.OTHER_KEY));
	}

	@Test
	void aSignatureMadeWithAnotherKeyButClaimingThisOneFails() throws Exception {
		// The forger copies the key id into a file signed with a key of their own.
		AuditFixture forger = new AuditFixture(audit.dataSource, Files.createTempDirectory(anchors, "forger"));
		SignedAnchor theirs = forger.anchor();
		SignedAnchor claimed = new SignedAnchor(theirs.anchor(), at10.keyId(), theirs.signature());
		Files.writeString(anchors.resolve("anchor-claimed.txt"), claimed.text(), StandardCharsets.US_ASCII);
		assertThat(audit.verify().anchors().problems())
			.containsExactly(new AnchorProblem("anchor-claimed.txt", 10L, AnchorFault.BAD_SIGNATURE));
	}

	@Test
	void aFileThatIsNoAnchorIsReported() throws Exception {
		Files.writeString(anchors.resolve("anchor-broken.txt"), "not an anchor\n");
		assertThat(audit.verify().anchors().problems())
			.containsExactly(new AnchorProblem("anchor-broken.txt", null, AnchorFault.MALFORMED));
	}

	@Test
	void anAnchoredEventDeletedFromTheMiddleIsReportedOnTheAnchorToo() {
		audit.jdbc.sql("DELETE FROM audit_event WHERE seq = 5").update();
		Verification verification = audit.verify();
		assertThat(verification).extracting(Verification::firstBroken, Verification::problem)
			.containsExactly(5L, Problem.MISSING);
		assertThat(verification.anchors().problems())
			.containsExactly(new AnchorProblem(file(at5), 5L, AnchorFault.EVENT_MISSING));
	}

	@Test
	void anchorFilesAreNamedInChainOrderAndNeverOverwritten() throws Exception {
		try (var files = Files.list(anchors)) {
			List<String> names = files.map(path -> path.getFileName().toString()).sorted().toList();
			assertThat(names).containsExactly(file(at5), file(at10));
			assertThat(names.get(0)).startsWith("anchor-00000000000000000005-20261128T");
		}
		String first = file(at10);
		Path again = audit.anchors.write(at10);
		assertThat(again.getFileName().toString()).isEqualTo(first.replace(".txt", "-1.txt"));
		assertThat(SignedAnchor.parse(Files.readString(anchors.resolve(first))).anchor()).isEqualTo(at10.anchor());
	}

	private ChainEvent row(long seq) {
		return audit.jdbc.sql(ChainEvent.SELECT + " WHERE seq = ?")
			.param(seq)
			.query((rs, n) -> ChainEvent.read(rs))
			.single();
	}

	private String file(SignedAnchor signed) {
		try (var files = Files.list(anchors)) {
			return files.map(path -> path.getFileName().toString())
				.filter(name -> name.startsWith(String.format("anchor-%020d-", signed.anchor().seq())))
				.sorted()
				.findFirst()
				.orElseThrow();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
