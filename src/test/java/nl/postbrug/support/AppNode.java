package nl.postbrug.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.awaitility.core.ConditionTimeoutException;

import static org.awaitility.Awaitility.await;

/**
 * The application in a process of its own, as one node of a cluster: started with the
 * test's class path and arguments, stopped gracefully, or killed outright like a machine
 * losing power.
 */
public final class AppNode implements AutoCloseable {

	private final String name;

	private final Process process;

	private final Path log;

	private AppNode(String name, Process process, Path log) {
		this.name = name;
		this.process = process;
		this.log = log;
	}

	public static AppNode start(String name, List<String> arguments) {
		String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m",
						"-XX:TieredStopAtLevel=1", "-cp", classPath, "nl.postbrug.PostbrugApplication"));
		command.addAll(arguments);
		try {
			Path log = Files.createTempFile("postbrug-" + name + "-", ".log");
			Process process = new ProcessBuilder(command).directory(Path.of("").toAbsolutePath().toFile())
				.redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			return new AppNode(name, process, log);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Waits until the application has started (or fails with its log). */
	public AppNode awaitStarted(Duration timeout) {
		try {
			await("node " + name + " started").atMost(timeout).pollInterval(Duration.ofMillis(250)).until(() -> {
				String text = log();
				if (!text.contains("Started PostbrugApplication") && !process.isAlive()) {
					throw new IllegalStateException("Node " + name + " stopped during start-up:\n" + tail(text));
				}
				return text.contains("Started PostbrugApplication");
			});
			return this;
		}
		catch (ConditionTimeoutException ex) {
			throw new IllegalStateException("Node " + name + " did not start within " + timeout + ":\n" + tail(log()),
					ex);
		}
	}

	public String name() {
		return name;
	}

	/** The HTTP port the node's log says it listens on. */
	public int port() {
		java.util.regex.Matcher port = java.util.regex.Pattern.compile("started on port (\\d+)").matcher(log());
		if (!port.find()) {
			throw new IllegalStateException("Node " + name + " has not logged its port:\n" + tail(log()));
		}
		return Integer.parseInt(port.group(1));
	}

	public boolean alive() {
		return process.isAlive();
	}

	/** Kills the process (SIGKILL): no shutdown hook, no finishing of running work. */
	public void kill() {
		process.destroyForcibly();
		waitFor();
	}

	public String log() {
		try {
			return Files.readString(log, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			return "";
		}
	}

	@Override
	public void close() {
		if (process.isAlive()) {
			process.destroy();
			waitFor();
		}
	}

	private void waitFor() {
		try {
			if (!process.waitFor(30, TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static String tail(String text) {
		return text.length() <= 6000 ? text : text.substring(text.length() - 6000);
	}

}
