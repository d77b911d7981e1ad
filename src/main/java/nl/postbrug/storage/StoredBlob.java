package nl.postbrug.storage;

import java.time.Instant;

/**
 * What a store holds under one key: its length in bytes, the SHA-256 of the content as
 * given to the store (hex), and when it was stored.
 */
public record StoredBlob(String key, long size, String sha256, Instant storedAt) {
}
