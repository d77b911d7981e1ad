package nl.postbrug.registry;

import java.time.Instant;

/**
 * Something happened to a staff account's second factor. Carries no secret and no code.
 */
public record SecondFactorChanged(String username, Kind kind, Instant at) {

	public enum Kind {

		/** Enrolment confirmed with a first right code. */
		ENROLLED,
		/** A right code at sign-in. */
		VERIFIED,
		/** A wrong code, or a code already used; counts toward the sign-in lock. */
		FAILED

	}

}
