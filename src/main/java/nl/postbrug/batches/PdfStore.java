package nl.postbrug.batches;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

import nl.postbrug.storage.BlobStore;

import org.springframework.stereotype.Component;

/**
 * Batch and reprint PDFs in the {@link BlobStore}, so that any node prints and serves any
 * batch. Printers and downloads want a file: the stored PDF is copied once into this
 * node's own work folder ({@code postbrug.batches.output-dir}, never shared) and read
 * from there; a stored PDF never changes once its batch is assembled, so the copy stays
 * good. A reference written before PDFs were stored (an absolute file path) is still read
 * from its file.
 */
@Component
class PdfStore {

	private final BlobStore blobs;

	private final BatchSettings settings;

	PdfStore(BlobStore blobs, BatchSettings settings) {
		this.blobs = blobs;
		this.settings = settings;
	}

	static String batchKey(String facility, long batchId) {
		return "batch/" + facility + "/batch-" + batchId + ".pdf";
	}

	static String reprintKey(String facility, long letterId, int copyNo) {
		return "reprint/" + facility + "/letter-" + letterId + "-copy-" + copyNo + ".pdf";
	}

	/** Stores a finished PDF file under the key. */
	void store(String key, Path pdf) {
		try (InputStream in = Files.newInputStream(pdf)) {
			blobs.put(key, in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + pdf + " to store it as " + key, ex);
		}
	}

	/** Stores a rendered PDF under the key. */
	void store(String key, byte[] pdf) {
		blobs.put(key, new java.io.ByteArrayInputStream(pdf));
	}

	/** A readable file with the PDF stored under the reference, on this node. */
	Optional<Path> local(String reference) {
		if (reference == null || reference.isBlank()) {
			return Optional.empty();
		}
		Path legacy = Path.of(reference);
		if (legacy.isAbsolute()) {
			return Files.isReadable(legacy) ? Optional.of(legacy) : Optional.empty();
		}
		Path copy = workDir().resolve("store").resolve(reference).normalize();
		if (!copy.startsWith(workDir().resolve("store"))) {
			return Optional.empty();
		}
		if (Files.isReadable(copy)) {
			if (blobs.find(reference).isPresent()) {
				return Optional.of(copy);
			}
			// purged at the end of retention, maybe by another node: this node's copy
			// goes too
			deleteQuietly(copy);
			return Optional.empty();
		}
		Optional<InputStream> stored = blobs.open(reference);
		if (stored.isEmpty()) {
			return Optional.empty();
		}
		try (InputStream in = stored.get()) {
			Files.createDirectories(copy.getParent());
			Path partial = Files.createTempFile(copy.getParent(), "." + copy.getFileName(), ".part");
			try {
				Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
				Files.move(partial, copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			}
			finally {
				Files.deleteIfExists(partial);
			}
			return Optional.of(copy);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot copy stored PDF " + reference + " to " + copy, ex);
		}
	}

	/**
	 * Removes a stored PDF and this node's copy of it (a copy on another node is removed
	 * when that node next looks for it); a reference to a file written before PDFs were
	 * stored removes the file.
	 */
	void delete(String reference) {
		Path legacy = Path.of(reference);
		if (legacy.isAbsolute()) {
			deleteQuietly(legacy);
			return;
		}
		blobs.delete(reference);
		Path copy = workDir().resolve("store").resolve(reference).normalize();
		if (copy.startsWith(workDir().resolve("store"))) {
			deleteQuietly(copy);
		}
	}

	private static void deleteQuietly(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot remove " + file, ex);
		}
	}

	/** A fresh file in this node's work folder, for a PDF being written. */
	Path scratch(String prefix) {
		try {
			Path dir = Files.createDirectories(workDir().resolve("work"));
			return Files.createTempFile(dir, prefix, ".pdf.part");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot make a work file in " + workDir(), ex);
		}
	}

	private Path workDir() {
		return settings.outputDir().toAbsolutePath();
	}

}
