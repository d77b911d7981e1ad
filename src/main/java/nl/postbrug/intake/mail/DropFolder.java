package nl.postbrug.intake.mail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import nl.postbrug.intake.Channel;
import nl.postbrug.intake.IntakeSettings;
import nl.postbrug.intake.InvalidMessage;
import nl.postbrug.intake.MessageIntake;
import nl.postbrug.intake.Receipt;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Ingests the {@code .eml} files placed in the drop folder. A file is moved only after
 * its message was committed, to {@code processed/}, or to {@code failed/} beside a
 * {@code .reason.txt}. A crash between the two leaves the file in place; the next pass
 * finds its source already stored and just moves it.
 */
@Component
public class DropFolder {

	private static final Logger log = LoggerFactory.getLogger(DropFolder.class);

	public record Outcome(Path file, Receipt receipt, String failure) {
	}

	private final MailReader reader;

	private final MessageIntake intake;

	private final Path folder;

	private final long maxMailBytes;

	DropFolder(MailReader reader, MessageIntake intake, IntakeSettings settings) {
		this.reader = reader;
		this.intake = intake;
		this.folder = settings.dropDir();
		this.maxMailBytes = settings.maxMailBytes();
	}

	@Scheduled(fixedDelayString = "${postbrug.intake.drop-poll-interval:10s}", initialDelayString = "PT2S")
	void poll() {
		try {
			ingestAll();
		}
		catch (RuntimeException ex) {
			log.error("Drop folder {} could not be read; will try again", folder, ex);
		}
	}

	/** Ingests every {@code .eml} file in the folder, oldest name first. */
	public synchronized List<Outcome> ingestAll() {
		if (!Files.isDirectory(folder)) {
			return List.of();
		}
		List<Path> files;
		try (Stream<Path> listing = Files.list(folder)) {
			files = listing.filter(Files::isRegularFile)
				.filter(file -> file.getFileName().toString().toLowerCase().endsWith(".eml"))
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return files.stream().map(this::ingest).toList();
	}

	private Outcome ingest(Path file) {
		try {
			long size = Files.size(file);
			if (size > maxMailBytes) {
				throw new InvalidMessage(
						"The mail is " + size / 1024 + " KB; the limit is " + maxMailBytes / 1024 + " KB");
			}
			byte[] raw = Files.readAllBytes(file);
			Receipt receipt = intake.store(reader.read(raw, Channel.DROP_FOLDER), "drop-folder");
			move(file, "processed");
			log.info("Drop folder: {} -> message {}{}", file.getFileName(), receipt.id(),
					receipt.duplicate() ? " (already received)" : "");
			return new Outcome(file, receipt, null);
		}
		catch (InvalidMessage ex) {
			fail(file, ex.getMessage());
			return new Outcome(file, null, ex.getMessage());
		}
		catch (IOException ex) {
			log.warn("Drop folder: cannot read {} now: {}", file, ex.getMessage());
			return new Outcome(file, null, "cannot read the file: " + ex.getMessage());
		}
	}

	private void fail(Path file, String reason) {
		try {
			Path moved = move(file, "failed");
			Files.writeString(moved.resolveSibling(moved.getFileName() + ".reason.txt"), reason + "\n",
					StandardCharsets.UTF_8);
			log.warn("Drop folder: {} refused: {}", file.getFileName(), reason);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private Path move(Path file, String into) throws IOException {
		Path dir = Files.createDirectories(folder.resolve(into));
		Path target = dir.resolve(file.getFileName());
		for (int n = 1; Files.exists(target); n++) {
			target = dir.resolve(n + "-" + file.getFileName());
		}
		return Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
	}

}
