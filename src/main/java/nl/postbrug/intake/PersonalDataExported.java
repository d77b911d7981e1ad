package nl.postbrug.intake;

import java.time.Instant;

/**
 * A relative downloaded their own data: how much was in it, never what.
 */
public record PersonalDataExported(long contactId, String email, int messages, int photos, Instant at) {
}
