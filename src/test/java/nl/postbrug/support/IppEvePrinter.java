package nl.postbrug.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.awaitility.core.ConditionTimeoutException;

import static org.awaitility.Awaitility.await;

/**
 * A real IPP Everywhere printer for tests: CUPS' {@code ippeveprinter} on a free loopback
 * port, keeping every job it receives in a spool folder ({@code -k}). It needs a system
 * D-Bus; when none runs, one is started for as long as any such printer is open and
 * stopped after the last one. {@link #stop()} and {@link #start()} switch the printer off
 * and on again on the same port.
 */
public final class IppEvePrinter implements AutoCloseable {

	private static final Path PID_FILE = Path.of("/run/dbus/pid");

	private static final Path BUS_SOCKET = Path.of("/run/dbus/system_bus_socket");

	private static final Object BUS_LOCK = new Object();

	private static int busUsers;

	private static Long startedBus;

	private final String name;

	private final int port;

	private final Path spool;

	private final Path log;

	private Process process;

	private IppEvePrinter(String name) {
		this.name = name;
		try (ServerSocket socket = new ServerSocket(0)) {
			this.port = socket.getLocalPort();
			this.spool = Files.createTempDirectory("postbrug-ipp-spool-");
			this.log = Files.createTempFile("postbrug-ippeveprinter-", ".log");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static IppEvePrinter open(String name) {
		acquireBus();
		IppEvePrinter printer = new IppEvePrinter(name);
		try {
			printer.start();
		}
		catch (RuntimeException ex) {
			printer.close();
			throw ex;
		}
		return printer;
	}

	public String uri() {
		return "ipp://localhost:" + port + "/ipp/print";
	}

	public Path spool() {
		return spool;
	}

	/** Every file the printer received, oldest first. */
	public List<Path> received() {
		try (Stream<Path> files = Files.list(spool)) {
			return files.filter(Files::isRegularFile).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public synchronized void start() {
		if (process != null && process.isAlive()) {
			return;
		}
		// On a loaded machine a printer started right after another stopped on the same
		// port now and then exits at once; a real printer switched on again is retried
		// too.
		for (int attempt = 1;; attempt++) {
			long logStart = logSize();
			Process started = launch();
			try {
				await("ippeveprinter listening on port " + port).atMost(Duration.ofSeconds(30))
					.pollInterval(Duration.ofMillis(100))
					.until(() -> !started.isAlive() || accepts(port));
			}
			catch (ConditionTimeoutException ex) {
				throw new IllegalStateException("ippeveprinter did not open port " + port + ": " + logSince(logStart),
						ex);
			}
			if (started.isAlive()) {
				return;
			}
			if (attempt == 3) {
				throw new IllegalStateException("ippeveprinter stopped " + attempt + " times on start (exit "
						+ started.exitValue() + "): " + logSince(logStart));
			}
			pause(Duration.ofMillis(500L * attempt));
		}
	}

	private Process launch() {
		try {
			process = new ProcessBuilder(Peers.tool("ippeveprinter").toString(), "-p", String.valueOf(port), "-n",
					"localhost", "-r", "off", "-f", "application/pdf", "-d", spool.toString(), "-k", name)
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
				.start();
			return process;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private long logSize() {
		try {
			return Files.exists(log) ? Files.size(log) : 0;
		}
		catch (IOException ex) {
			return 0;
		}
	}

	private String logSince(long offset) {
		String text = logText();
		return offset < text.length() ? text.substring((int) offset) : text;
	}

	private static void pause(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static boolean accepts(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("localhost", port), 200);
			return true;
		}
		catch (IOException notYet) {
			return false;
		}
	}

	/** Switches the printer off: connections are refused until {@link #start()}. */
	public synchronized void stop() {
		if (process == null) {
			return;
		}
		process.destroy();
		try {
			if (!process.waitFor(10, TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		process = null;
	}

	public String logText() {
		try {
			return Files.readString(log, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

	@Override
	public void close() {
		stop();
		releaseBus();
	}

	private static void acquireBus() {
		synchronized (BUS_LOCK) {
			if (busUsers++ > 0 || busRuns()) {
				return;
			}
			try {
				// A daemon that died leaves its pid file and socket behind; dbus-daemon
				// refuses to start then.
				Files.deleteIfExists(PID_FILE);
				Files.deleteIfExists(BUS_SOCKET);
				Process dbus = new ProcessBuilder(Peers.tool("dbus-daemon").toString(), "--system", "--fork",
						"--print-pid")
					.redirectErrorStream(true)
					.start();
				String out = new String(dbus.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
				if (dbus.waitFor() != 0) {
					throw new IllegalStateException("dbus-daemon --system did not start: " + out);
				}
				startedBus = Long.parseLong(out.lines().findFirst().orElseThrow().strip());
			}
			catch (IOException ex) {
				busUsers--;
				throw new UncheckedIOException(ex);
			}
			catch (InterruptedException ex) {
				busUsers--;
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

	private static void releaseBus() {
		synchronized (BUS_LOCK) {
			if (--busUsers > 0 || startedBus == null) {
				return;
			}
			ProcessHandle.of(startedBus).ifPresent(ProcessHandle::destroy);
			startedBus = null;
			try {
				Files.deleteIfExists(PID_FILE);
				Files.deleteIfExists(BUS_SOCKET);
			}
			catch (IOException ex) {
				// the next start removes them
			}
		}
	}

	private static boolean busRuns() {
		try {
			if (!Files.exists(PID_FILE) || !Files.exists(BUS_SOCKET)) {
				return false;
			}
			long pid = Long.parseLong(Files.readString(PID_FILE).strip());
			return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
		}
		catch (IOException | NumberFormatException ex) {
			return false;
		}
	}

}
