package nl.postbrug.registry;

/**
 * Someone registered an address that already has an account. Its owner is told by mail
 * (they may have forgotten); whoever registered is told nothing different.
 */
public record AccountAlreadyRegistered(long contactId, String email, String name) {
}
