package nl.postbrug.registry;

import java.time.Instant;

/**
 * A relative's account changed: verified (the address proven and the password set), its
 * password reset, or mails on each status change turned on or off.
 */
public record AccountChanged(long contactId, String email, Change change, Instant at) {

	public enum Change {

		VERIFIED, PASSWORD_RESET, STATUS_MAILS_ON, STATUS_MAILS_OFF

	}

}
