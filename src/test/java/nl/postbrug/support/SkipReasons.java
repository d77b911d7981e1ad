package nl.postbrug.support;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Puts the reason of every skipped or aborted test on the console, where the build's
 * summary only counts them: the build sends test output to files under
 * {@code target/surefire-reports/}, so this writes to the process's own standard error.
 * Registered for every run (META-INF/services).
 */
public class SkipReasons implements TestExecutionListener {

	private static final PrintStream CONSOLE = new PrintStream(new FileOutputStream(FileDescriptor.err), true,
			StandardCharsets.UTF_8);

	@Override
	public void executionSkipped(TestIdentifier test, String reason) {
		CONSOLE.println("[SKIPPED] " + test.getDisplayName() + ": " + reason);
	}

	@Override
	public void executionFinished(TestIdentifier test, TestExecutionResult result) {
		if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
			CONSOLE.println("[SKIPPED] " + test.getDisplayName() + ": "
					+ result.getThrowable().map(Throwable::getMessage).orElse("aborted"));
		}
	}

}
