package nl.postbrug.screening.rules;

/**
 * A rule file that cannot be used, with the file, the line and what is wrong. The rules
 * in force before stay in force.
 */
public class MalformedRules extends RuntimeException {

	private final String file;

	private final int line;

	public MalformedRules(String file, int line, String reason) {
		super(file + (line > 0 ? ":" + line : "") + ": " + reason);
		this.file = file;
		this.line = line;
	}

	public String file() {
		return file;
	}

	public int line() {
		return line;
	}

}
