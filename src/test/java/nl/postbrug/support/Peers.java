package nl.postbrug.support;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The one rule for tests that need a peer outside the JVM (a system tool, the PostgreSQL
 * server, the shared corpus): on a developer's machine a missing peer skips the test with
 * a visible reason that names the peer and the package providing it; in CI
 * ({@code CI=true}, or the JUnit configuration parameter {@value #CI_PARAMETER}) the same
 * test fails instead, so a green CI run means every peer really ran. {@link SkipReasons}
 * puts each skip's reason on the console.
 * <p>
 * Tools are looked up on {@code PATH}, as a shell finds them, so a test can be watched
 * skipping by running it with a {@code PATH} that hides the tool.
 */
public final class Peers {

	/** JUnit configuration parameter (or system property) that overrides {@code CI}. */
	public static final String CI_PARAMETER = "postbrug.ci";

	/** System property naming the corpus folder; the environment's is POSTBRUG_CORPUS. */
	public static final String CORPUS_PROPERTY = "postbrug.corpus";

	private Peers() {
	}

	/** Whether this run is CI: {@code CI=true} unless the test run says otherwise. */
	public static boolean inCi(ExtensionContext context) {
		return context.getConfigurationParameter(CI_PARAMETER).map(Boolean::parseBoolean).orElseGet(Peers::inCi);
	}

	/** Whether this run is CI, for code without an extension context. */
	public static boolean inCi() {
		String property = System.getProperty(CI_PARAMETER);
		return Boolean.parseBoolean(property != null ? property : System.getenv("CI"));
	}

	/**
	 * The answer for a test whose peer is missing: disabled with the reason, or, in CI, a
	 * {@link PeerMissing} failure.
	 * @param peer what is missing, as a person names it ("zbarimg")
	 * @param problem what was seen ("not on PATH")
	 * @param remedy how to get it ("apt-get install zbar-tools")
	 */
	public static ConditionEvaluationResult missing(ExtensionContext context, String peer, String problem,
			String remedy) {
		String reason = peer + " is missing (" + problem + "): " + remedy;
		if (inCi(context)) {
			throw new PeerMissing(context.getDisplayName() + ": " + reason
					+ ". CI=true, so this test fails instead of skipping: a green CI run means every peer ran.");
		}
		return ConditionEvaluationResult.disabled(reason);
	}

	/** The executable named {@code tool} on {@code PATH}, if there is one. */
	public static Optional<Path> onPath(String tool) {
		String path = System.getenv("PATH");
		if (path == null) {
			return Optional.empty();
		}
		for (String dir : path.split(File.pathSeparator)) {
			if (dir.isBlank()) {
				continue;
			}
			Path candidate = Path.of(dir, tool);
			if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
				return Optional.of(candidate);
			}
		}
		return Optional.empty();
	}

	/** Like {@link #onPath(String)}, for a tool a test has already required. */
	public static Path tool(String tool) {
		return onPath(tool).orElseThrow(() -> new IllegalStateException(tool + " is not on PATH"));
	}

	/**
	 * The shared test corpus ({@code shared/corpus}, never copied into the repository):
	 * the folder named by {@code -Dpostbrug.corpus} or {@code POSTBRUG_CORPUS}, else the
	 * nearest {@code shared/corpus} beside the working directory or beside its parent (a
	 * clone next to {@code shared/}, or a worktree one level further down). When none
	 * exists, {@code ../shared/corpus}, so a skip names where it was expected.
	 */
	public static Path corpus() {
		String configured = System.getProperty(CORPUS_PROPERTY);
		if (configured == null || configured.isBlank()) {
			configured = System.getenv("POSTBRUG_CORPUS");
		}
		return corpus(configured, Path.of("").toAbsolutePath());
	}

	static Path corpus(String configured, Path workingDirectory) {
		if (configured != null && !configured.isBlank()) {
			return Path.of(configured).toAbsolutePath().normalize();
		}
		// Two levels only: a clone beside shared/, or a worktree one level further down.
		// Looking higher would find whatever shared/ happens to lie near the root.
		Path dir = workingDirectory.getParent();
		for (int level = 0; level < 2 && dir != null; level++, dir = dir.getParent()) {
			Path candidate = dir.resolve("shared").resolve("corpus");
			if (Files.isDirectory(candidate)) {
				return candidate;
			}
		}
		return workingDirectory.resolveSibling("shared").resolve("corpus").normalize();
	}

	/** A test needed a peer that is not there, in a run that may not skip (CI). */
	public static final class PeerMissing extends AssertionError {

		public PeerMissing(String message) {
			super(message);
		}

		public PeerMissing(String message, Throwable cause) {
			super(message, cause);
		}

	}

}
