package nl.postbrug.support;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.opentest4j.TestAbortedException;

/**
 * The safety net under {@link Peers}: registered for every test (ServiceLoader, see
 * {@code junit-platform.properties}), it turns an aborted assumption into a failure when
 * the run is CI, so a test that checks for its peer by hand cannot skip there either.
 */
public class NoSkipsInCi implements TestExecutionExceptionHandler, LifecycleMethodExecutionExceptionHandler {

	@Override
	public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
		throw failInCi(context, throwable);
	}

	@Override
	public void handleBeforeAllMethodExecutionException(ExtensionContext context, Throwable throwable)
			throws Throwable {
		throw failInCi(context, throwable);
	}

	@Override
	public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable throwable)
			throws Throwable {
		throw failInCi(context, throwable);
	}

	private static Throwable failInCi(ExtensionContext context, Throwable throwable) {
		if (throwable instanceof TestAbortedException && Peers.inCi(context)) {
			return new Peers.PeerMissing(context.getDisplayName() + " would have been skipped ("
					+ throwable.getMessage() + "). CI=true, so it fails instead: a green CI run means every peer ran.",
					throwable);
		}
		return throwable;
	}

}
