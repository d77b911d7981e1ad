package nl.postbrug.registry;

import java.time.Instant;

/**
 * A relative's account changed: verified (the address proven and the password set) or its
 * password reset.
 */
public record AccountChanged(long contactId, String email, Change change, Instant at) {

	public enum Change {

		VERIFIED, PASSWORD_RESET

	}

}
