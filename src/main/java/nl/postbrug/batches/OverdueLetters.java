package nl.postbrug.batches;

import java.time.Duration;
import java.util.List;

import nl.postbrug.registry.Facility;

/**
 * Printed letters of a facility not handed over in time, for the postroom page. Declared
 * here and answered by the module that knows how long a hand-over may take (delivery), so
 * the dependency points one way.
 */
public interface OverdueLetters {

	/**
	 * @param after how long after printing a letter counts as overdue at the facility
	 * @param count all overdue letters; {@code letters} holds the oldest of them
	 */
	record Overdue(Duration after, long count, List<OverdueLetter> letters) {

		public boolean any() {
			return count > 0;
		}

		public long hours() {
			return after.toHours();
		}

	}

	Overdue of(Facility facility, int limit);

}
