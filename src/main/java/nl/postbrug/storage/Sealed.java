package nl.postbrug.storage;

/**
 * Content as it is to be stored: the value for the content column and the id of the key
 * it is encrypted under for the column beside it ({@code null}: stored as it is, because
 * encryption at rest is off).
 */
public record Sealed<T>(T value, String keyId) {
}
