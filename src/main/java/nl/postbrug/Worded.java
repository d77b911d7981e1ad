package nl.postbrug;

/**
 * Something refused that is told to people in their own language: the key of its words in
 * a module's message bundle and the values those words name. The exception's own message
 * stays English, for the log only; answers, pages and mails take these words instead.
 */
public interface Worded {

	/** The bundle key, e.g. {@code batches.problem.not-waiting}. */
	String code();

	/** The values the words name, in the order of their {@code {0}}, {@code {1}}, ... */
	Object[] arguments();

}
