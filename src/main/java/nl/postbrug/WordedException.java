package nl.postbrug;

/**
 * A refusal with its words in a bundle ({@link Worded}) and an English message for the
 * log.
 */
public abstract class WordedException extends RuntimeException implements Worded {

	private final String code;

	private final Object[] arguments;

	protected WordedException(String code, String log, Object... arguments) {
		super(log);
		this.code = code;
		this.arguments = arguments;
	}

	@Override
	public String code() {
		return code;
	}

	@Override
	public Object[] arguments() {
		return arguments.clone();
	}

}
