package nl.postbrug.audit.anchor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import nl.postbrug.audit.AuditFixture;
import nl.postbrug.audit.AuditLog;
import nl.postbrug.audit.AuditSettings;
import nl.postbrug.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.support.GenericApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@ExtendWith(OutputCaptureExtension.class)
class AnchoringTests {

	@TempDir
	Path anchors;

	private AuditFixture audit;

	@BeforeEach
	void threeEvents() {
		audit = new AuditFixture(TestDatabase.migrated(), anchors).events(3);
	}

	@AfterEach
	void stopScheduler() {
		audit.scheduler.shutdown();
	}

	@Test
	void theHeadIsSignedIntoTheFolderAndTheLog(CapturedOutput output) throws Exception {
		SignedAnchor signed = audit.anchor();
		AuditLog.Head head = audit.log.head();
		assertThat(signed.anchor().seq()).isEqualTo(3);
		assertThat(signed.anchor().hash()).isEqualTo(head.hash());
		assertThat(AnchorSigner.verify(signed, audit.keys.getPublic())).isTrue();
		try (var files = Files.list(anchors)) {
			Path file = files.findFirst().orElseThrow();
			assertThat(SignedAnchor.parse(Files.readString(file)).anchor()).isEqualTo(signed.anchor());
		}
		assertThat(output.getOut()).contains("Audit anchor seq=3 hash=" + head.hash());
		assertThat(output.getOut()).contains("signature=");
	}

	@Test
	void aHeadThatHasNotMovedIsNotSignedAgainNotEvenAfterARestart() throws Exception {
		assertThat(audit.anchor()).isNotNull();
		assertThat(audit.anchor()).isNull();
		// a fresh Anchoring (a restart) reads the newest anchor from the folder
		assertThat(audit.anchoring().anchor()).isNull();
		audit.events(1);
		assertThat(audit.anchor().anchor().seq()).isEqualTo(4);
		try (var files = Files.list(anchors)) {
			assertThat(files.count()).isEqualTo(2);
		}
	}

	@Test
	void anchorsComeOnTheInterval() {
		try (GenericApplicationContext context = context(Duration.ofSeconds(1))) {
			await().atMost(Duration.ofSeconds(30)).until(() -> newestSeq() == 3);
			audit.events(2);
			await().atMost(Duration.ofSeconds(30)).until(() -> newestSeq() == 5);
		}
	}

	@Test
	void aCleanShutdownSignsTheLastHead() {
		try (GenericApplicationContext context = context(Duration.ofHours(1))) {
			// the first run comes at start-up, the next not for an hour
			await().atMost(Duration.ofSeconds(30)).until(() -> newestSeq() == 3);
			audit.events(2);
			assertThat(newestSeq()).isEqualTo(3);
		}
		assertThat(newestSeq()).isEqualTo(5);
	}

	/**
	 * A started application context holding only the anchoring, on the given interval.
	 */
	private GenericApplicationContext context(Duration interval) {
		Anchoring anchoring = new Anchoring(audit.log, keyring(), audit.anchors, audit.scheduler,
				new AuditSettings(interval, anchors, null, null, null, false, List.of(), Duration.ofDays(366)),
				audit.clock());
		GenericApplicationContext context = new GenericApplicationContext();
		context.registerBean(Anchoring.class, () -> anchoring);
		context.refresh();
		return context;
	}

	private long newestSeq() {
		return audit.anchors.newest().map(signed -> signed.anchor().seq()).orElse(-1L);
	}

	private AnchorKeyring keyring() {
		return new AnchorKeyring(new AnchorSigner(audit.keys.getPrivate(), audit.keys.getPublic()),
				audit.keys.getPublic());
	}

}
