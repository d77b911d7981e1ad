package nl.postbrug.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A fresh data directory per test context, so every context starts from an empty embedded
 * database, drop folder and printer folder.
 */
public final class DataDirs {

	private DataDirs() {
	}

	/** A copy of samples/rules whose daily limits are high enough for a test suite. */
	public static String sampleRulesWithoutDailyLimits(String dataDir) {
		try {
			Path rules = Files.createDirectories(Path.of(dataDir, "rules"));
			try (var files = Files.list(Path.of("samples", "rules"))) {
				for (Path file : files.toList()) {
					String content = Files.readString(file);
					if (file.getFileName().toString().equals("default.rules") || content.contains("[limits]")) {
						content += "\n[limits]\nper-sender-per-day = 100000\nper-prisoner-per-day = 100000\n";
					}
					Files.writeString(rules.resolve(file.getFileName()), content);
				}
			}
			return rules.toString();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A copy of print-templates/, so a test can edit the templates and have them
	 * reloaded.
	 */
	public static String printTemplates(String dataDir) {
		try {
			Path templates = Files.createDirectories(Path.of(dataDir, "print-templates"));
			try (var files = Files.list(Path.of("print-templates"))) {
				for (Path file : files.filter(Files::isRegularFile).toList()) {
					Files.copy(file, templates.resolve(file.getFileName()));
				}
			}
			return templates.toString();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static final java.util.concurrent.atomic.AtomicLong COUNTER = new java.util.concurrent.atomic.AtomicLong();

	/**
	 * Words that make a test's message text unique without looking like a code to
	 * screening (a random UUID would: long mixed letters and digits).
	 */
	public static String uniqueWords() {
		return "(brief " + COUNTER.incrementAndGet() + " van " + ProcessHandle.current().pid() % 1000 + ")";
	}

	public static String fresh(String name) {
		try {
			Path dir = Files.createTempDirectory("postbrug-" + name + "-");
			dir.toFile().deleteOnExit();
			return dir.toString();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
