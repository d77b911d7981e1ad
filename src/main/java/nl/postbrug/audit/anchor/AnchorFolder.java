package nl.postbrug.audit.anchor;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The folder anchors are written to: one small file per anchor, never overwritten, named
 * {@code anchor-<seq, 20 digits>-<UTC time>.txt} so that the names sort in chain order.
 */
public final class AnchorFolder {

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmssSSS'Z'")
		.withZone(ZoneOffset.UTC);

	/**
	 * One file of the folder: its anchor, or why it could not be read.
	 */
	public record Read(String file, SignedAnchor anchor, String unreadable) {
	}

	private final Path dir;

	public AnchorFolder(Path dir) {
		this.dir = dir;
	}

	public Path dir() {
		return dir;
	}

	/** Writes the anchor to a new file; an existing file is never replaced. */
	public Path write(SignedAnchor signed) {
		byte[] text = signed.text().getBytes(StandardCharsets.US_ASCII);
		String base = String.format("anchor-%020d-%s", signed.anchor().seq(), STAMP.format(signed.anchor().at()));
		try {
			Files.createDirectories(dir);
			for (int attempt = 0;; attempt++) {
				Path file = dir.resolve(base + (attempt == 0 ? "" : "-" + attempt) + ".txt");
				try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW,
						StandardOpenOption.WRITE);
						OutputStream out = java.nio.channels.Channels.newOutputStream(channel)) {
					out.write(text);
					out.flush();
					channel.force(true);
					return file;
				}
				catch (FileAlreadyExistsException taken) {
					// another node anchored the same head in the same millisecond
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write an audit anchor to " + dir + ": " + ex.getMessage(), ex);
		}
	}

	/** Every anchor file, in name order; none when the folder does not exist. */
	public List<Read> readAll() {
		if (!Files.isDirectory(dir)) {
			return List.of();
		}
		List<Read> reads = new ArrayList<>();
		try (Stream<Path> files = Files.list(dir)) {
			for (Path file : files.filter(AnchorFolder::isAnchorFile)
				.sorted(Comparator.comparing(Path::getFileName))
				.toList()) {
				reads.add(read(file));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot list audit anchors in " + dir + ": " + ex.getMessage(), ex);
		}
		return reads;
	}

	/** The readable anchor of the newest file (highest sequence number, then time). */
	public Optional<SignedAnchor> newest() {
		List<Read> reads = readAll();
		for (int i = reads.size() - 1; i >= 0; i--) {
			if (reads.get(i).anchor() != null) {
				return Optional.of(reads.get(i).anchor());
			}
		}
		return Optional.empty();
	}

	private static Read read(Path file) {
		String name = file.getFileName().toString();
		try {
			if (Files.size(file) > 4096) {
				return new Read(name, null, "larger than an anchor can be");
			}
			return new Read(name, SignedAnchor.parse(Files.readString(file, StandardCharsets.US_ASCII)), null);
		}
		catch (IllegalArgumentException | IOException ex) {
			return new Read(name, null, ex.getMessage());
		}
	}

	private static boolean isAnchorFile(Path file) {
		String name = file.getFileName().toString();
		return name.startsWith("anchor-") && name.endsWith(".txt") && Files.isRegularFile(file);
	}

}
