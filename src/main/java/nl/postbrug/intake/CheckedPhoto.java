package nl.postbrug.intake;

/**
 * A photo as {@link PhotoCheck} left it: decoded once and re-encoded as a JPEG without
 * metadata, ready to be stored and printed.
 */
public record CheckedPhoto(String contentType, byte[] data) {
}
