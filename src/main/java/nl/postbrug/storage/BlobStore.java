package nl.postbrug.storage;

import java.io.InputStream;
import java.util.Optional;

/**
 * Stores content by key and gives it back as a stream, on any node. Keys are plain
 * slash-separated names chosen by the module that stores the content
 * ({@code batch/PIA/batch-12.pdf}); a put under an existing key replaces the content.
 * Content is read and written as streams, never as one array, so a decorator can encrypt
 * or compress it on the way without the callers knowing.
 */
public interface BlobStore {

	/**
	 * Stores the stream's content under the key, replacing what was there; the stream is
	 * read to its end but not closed.
	 */
	StoredBlob put(String key, InputStream content);

	/** What is stored under the key, if anything. */
	Optional<StoredBlob> find(String key);

	/**
	 * The content under the key, to be closed by the caller; empty when nothing is stored
	 * there.
	 */
	Optional<InputStream> open(String key);

	/** Removes the key and its content; false when nothing was stored under it. */
	boolean delete(String key);

}
