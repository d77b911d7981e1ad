package nl.postbrug.support;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

/**
 * The peer rule itself: a test whose peer is missing skips with the peer and its package
 * in the reason, and fails instead when the run is CI. Each case runs small test classes
 * in a JUnit engine of its own, once as a developer's run and once as CI.
 */
class PeersTests {

	@Test
	void aMissingToolSkipsWithTheToolAndItsPackageOutsideCi() {
		Events tests = run(NeedsAbsentTool.class, false);
		assertThat(tests.skipped().count()).isEqualTo(1);
		String reason = tests.skipped().stream().findFirst().flatMap(Event::getPayload).orElseThrow().toString();
		assertThat(reason).contains("postbrug-absent-tool", "not on PATH", "apt-get install postbrug-absent-package");
		assertThat(tests.started().count()).isZero();
	}

	@Test
	void aMissingToolFailsWithTheToolAndItsPackageInCi() {
		Events tests = run(NeedsAbsentTool.class, true);
		assertThat(tests.skipped().count()).isZero();
		tests.assertThatEvents()
			.haveExactly(1, finishedWithFailure(message(text -> text.contains("postbrug-absent-tool")
					&& text.contains("apt-get install postbrug-absent-package") && text.contains("CI=true"))));
	}

	@Test
	void aToolOnThePathRunsTheTestInCi() {
		Events tests = run(NeedsPresentTool.class, true);
		assertThat(tests.succeeded().count()).isEqualTo(1);
		assertThat(tests.failed().count() + tests.skipped().count()).isZero();
	}

	@Test
	void aMissingToolOfAnAnnotationOnTheClassSkipsEveryTestOfIt() {
		Events classes = EngineTestKit.engine("junit-jupiter")
			.configurationParameter(Peers.CI_PARAMETER, "false")
			.selectors(selectClass(ClassNeedsAbsentTool.class))
			.execute()
			.containerEvents();
		assertThat(classes.skipped().count()).isEqualTo(1);
	}

	@Test
	void anAssumptionThatWouldSkipFailsInCi() {
		Events outside = run(AssumesAbsentPeer.class, false);
		assertThat(outside.aborted().count()).isEqualTo(2);

		Events inCi = run(AssumesAbsentPeer.class, true);
		assertThat(inCi.aborted().count()).isZero();
		inCi.assertThatEvents()
			.haveExactly(2, finishedWithFailure(instanceOf(Peers.PeerMissing.class),
					message(text -> text.contains("no corpus here") && text.contains("CI=true"))));
	}

	@Test
	void anAssumptionInBeforeAllFailsTheClassInCi() {
		Events classes = EngineTestKit.engine("junit-jupiter")
			.configurationParameter(Peers.CI_PARAMETER, "true")
			.configurationParameter("junit.jupiter.extensions.autodetection.enabled", "true")
			.selectors(selectClass(AssumesAbsentPeerBeforeAll.class))
			.execute()
			.containerEvents();
		classes.assertThatEvents()
			.haveExactly(1, finishedWithFailure(instanceOf(Peers.PeerMissing.class),
					message(text -> text.contains("no corpus here"))));
	}

	@Test
	void aConfiguredCorpusFolderWins(@TempDir Path dir) throws Exception {
		Path clone = Files.createDirectories(dir.resolve("ci").resolve("repo"));
		Files.createDirectories(dir.resolve("ci").resolve("shared").resolve("corpus"));
		assertThat(Peers.corpus("/somewhere/corpus", clone)).isEqualTo(Path.of("/somewhere/corpus"));
	}

	@Test
	void theCorpusIsFoundBesideTheCloneOrBesideOneOfItsParents(@TempDir Path dir) throws Exception {
		Path corpus = Files.createDirectories(dir.resolve("work").resolve("shared").resolve("corpus"));
		Path clone = Files.createDirectories(dir.resolve("work").resolve("repo"));
		Path worktree = Files.createDirectories(dir.resolve("work").resolve("wt").resolve("branch"));
		assertThat(Peers.corpus(null, clone)).isEqualTo(corpus);
		assertThat(Peers.corpus(" ", worktree)).isEqualTo(corpus);
	}

	@Test
	void withoutACorpusTheExpectedPlaceIsBesideTheClone(@TempDir Path dir) throws Exception {
		Path clone = Files.createDirectories(dir.resolve("a").resolve("b").resolve("repo"));
		assertThat(Peers.corpus(null, clone))
			.isEqualTo(dir.resolve("a").resolve("b").resolve("shared").resolve("corpus"));
	}

	private static Events run(Class<?> testClass, boolean ci) {
		return EngineTestKit.engine("junit-jupiter")
			.configurationParameter(Peers.CI_PARAMETER, Boolean.toString(ci))
			.configurationParameter("junit.jupiter.extensions.autodetection.enabled", "true")
			.selectors(selectClass(testClass))
			.execute()
			.testEvents();
	}

	// The classes below run only inside the engines above: their names do not end in
	// "Tests", so the build does not run them itself.

	static class NeedsAbsentTool {

		@Test
		@RequiresTool(value = "postbrug-absent-tool", debianPackage = "postbrug-absent-package")
		void needsIt() {
		}

	}

	static class NeedsPresentTool {

		@Test
		@RequiresTool(value = "sh", debianPackage = "dash")
		void needsIt() {
		}

	}

	@RequiresTool(value = "postbrug-absent-tool", debianPackage = "postbrug-absent-package")
	static class ClassNeedsAbsentTool {

		@Test
		void one() {
		}

		@Test
		void two() {
		}

	}

	static class AssumesAbsentPeer {

		@Test
		void assumesInTheTest() {
			Assumptions.assumeTrue(false, "no corpus here");
		}

		@Test
		void abortsInTheTest() {
			Assumptions.abort("no corpus here");
		}

	}

	static class AssumesAbsentPeerBeforeAll {

		@BeforeAll
		static void corpus() {
			Assumptions.assumeTrue(false, "no corpus here");
		}

		@Test
		void usesIt() {
		}

	}

}
