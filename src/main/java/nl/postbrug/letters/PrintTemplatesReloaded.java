package nl.postbrug.letters;

/**
 * An administrator had the print templates read again; {@code version} is the set now in
 * use.
 */
public record PrintTemplatesReloaded(String version, String actor) {
}
