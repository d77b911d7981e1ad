package nl.postbrug.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A fresh data directory per test context, so every context starts from an empty embedded database,
 * drop folder and printer folder.
 */
public final class DataDirs {

	private DataDirs() {
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
