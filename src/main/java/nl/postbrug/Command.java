package nl.postbrug;

/**
 * A task the jar runs instead of the service when its arguments ask for it, such as
 * {@code java -jar postbrug.jar audit verify}. Modules list theirs in
 * {@code META-INF/services/nl.postbrug.Command}, so the application's entry point depends
 * on none of them.
 */
public interface Command {

	boolean handles(String[] args);

	/** Runs the task; the result is the process's exit status. */
	int run(String[] args);

}
