package nl.postbrug.storage.crypto;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the key rotation job did in its latest run, for the log and
 * {@code /actuator/health/encryption}: per kind of content the rows it found not under
 * the current key, re-encrypted and could not read, and how many rows are under each key
 * after the run ({@code plain}: not encrypted).
 */
record RotationReport(State state, String key, Instant startedAt, Instant finishedAt, Map<String, Kind> kinds) {

	static final RotationReport NONE = new RotationReport(State.NOT_RUN, null, null, null, Map.of());

	enum State {

		NOT_RUN, RUNNING, DONE, INCOMPLETE

	}

	/**
	 * @param problems the first few unreadable rows: the row's context and why, never
	 * content
	 */
	record Kind(long toDo, long reEncrypted, long unreadable, List<String> problems, Map<String, Long> rowsByKey) {
	}

	long unreadable() {
		return kinds.values().stream().mapToLong(Kind::unreadable).sum();
	}

	long reEncrypted() {
		return kinds.values().stream().mapToLong(Kind::reEncrypted).sum();
	}

}
