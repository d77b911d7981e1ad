package nl.postbrug.registry;

import nl.postbrug.Worded;

/**
 * Staff asked for something outside their facilities. Answered exactly like something
 * that does not exist, so that a user cannot learn what another facility holds.
 */
public class OutOfScope extends RuntimeException implements Worded {

	/** What was asked for: its words are {@code problem.out-of-scope.<kind>}. */
	public enum Kind {

		FACILITY, BATCH, LETTER, MESSAGE, REPLY

	}

	private final Kind kind;

	private final Object id;

	public OutOfScope(Kind kind, Object id) {
		super("There is no " + kind.name().toLowerCase(java.util.Locale.ROOT) + " " + id + " in your facilities");
		this.kind = kind;
		this.id = id;
	}

	@Override
	public String code() {
		return "problem.out-of-scope." + kind.name().toLowerCase(java.util.Locale.ROOT);
	}

	@Override
	public Object[] arguments() {
		return new Object[] { String.valueOf(id) };
	}

}
