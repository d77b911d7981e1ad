package nl.postbrug.screening;

/**
 * A triage model was trained and put into use; {@code actor} is the administrator, or
 * {@code schedule}.
 */
public record TriageModelTrained(String version, int examples, int reviewed, String dataDigest, String actor) {
}
