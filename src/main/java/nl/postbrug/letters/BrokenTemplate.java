package nl.postbrug.letters;

import java.nio.file.Path;

/**
 * A print template that cannot be used; says which file and why, so an admin can fix it.
 */
public class BrokenTemplate extends IllegalStateException {

	private final transient Path file;

	private final String reason;

	public BrokenTemplate(Path file, String reason, Throwable cause) {
		super("Print template " + file.toAbsolutePath() + " is broken: " + reason, cause);
		this.file = file;
		this.reason = reason;
	}

	/** What is wrong inside the file, in its own terms. */
	public String reason() {
		return reason;
	}

	public Path file() {
		return file;
	}

}
