package nl.postbrug.registry;

/**
 * A relative who may send messages; only verified contacts approved for a prisoner get
 * letters through.
 */
public record Contact(long id, String email, String name, boolean verified) {
}
