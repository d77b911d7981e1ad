package nl.postbrug.intake.mail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.postbrug.intake.Channel;
import nl.postbrug.intake.IntakeSettings;
import nl.postbrug.intake.Reason;
import nl.postbrug.intake.ReasonTexts;
import nl.postbrug.intake.Receipt;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Ingests the {@code .eml} files placed in the drop folder through {@link RawMailIntake},
 * as IMAP mail is. A file is moved only after its message was committed: to
 * {@code processed/}, or, when it could not be read whole (over the size limit,
 * unreadable), to {@code failed/} beside a {@code .reason.txt}; the message is stored and
 * rejected with that reason either way. A crash between the two leaves the file in place;
 * the next pass finds its source already stored and just moves it. A file that cannot be
 * read at the moment stays where it is for the next pass.
 */
@Component
public class DropFolder {

	private static final Logger log = LoggerFactory.getLogger(DropFolder.class);

	/**
	 * What became of one file. {@code failure} says why it went to {@code failed/} (or
	 * could not be read now), {@code null} when it went to {@code processed/}.
	 */
	public record Outcome(Path file, Receipt receipt, String failure) {
	}

	private final RawMailIntake rawMail;

	private final ReasonTexts texts;

	private final Path folder;

	private final long maxMailBytes;

	DropFolder(RawMailIntake rawMail, ReasonTexts texts, IntakeSettings settings) {
		this.rawMail = rawMail;
		this.texts = texts;
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
				.filter(file -> file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".eml"))
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return files.stream().map(this::ingest).toList();
	}

	private Outcome ingest(Path file) {
		RawMailIntake.Taken taken;
		try {
			long size = Files.size(file);
			taken = size > maxMailBytes ? rawMail.takeOversize(head(file), size, Channel.DROP_FOLDER)
					: rawMail.take(Files.readAllBytes(file), Channel.DROP_FOLDER);
		}
		catch (IOException ex) {
			log.warn("Drop folder: cannot read {} now: {}", file, ex.getMessage());
			return new Outcome(file, null, "cannot read the file now: " + ex.getMessage());
		}
		try {
			if (taken.kind() == RawMailIntake.Kind.READ) {
				move(file, "processed");
				log.info("Drop folder: {} -> message {}{}", file.getFileName(), taken.receipt().id(),
						taken.receipt().duplicate() ? " (already received)" : "");
				return new Outcome(file, taken.receipt(), null);
			}
			String failure = describe(taken.problem());
			Path moved = move(file, "failed");
			Files.writeString(moved.resolveSibling(moved.getFileName() + ".reason.txt"),
					failure + "\nmessage " + taken.receipt().id() + "\n", StandardCharsets.UTF_8);
			log.warn("Drop folder: {} not read whole, kept as message {}: {}", file.getFileName(), taken.receipt().id(),
					failure);
			return new Outcome(file, taken.receipt(), failure);
		}
		catch (IOException ex) {
			// Stored already: the next pass finds the source hash and only moves the
			// file.
			throw new UncheckedIOException(ex);
		}
	}

	/** For the people who look into failed/: the code and its English words. */
	private String describe(Reason problem) {
		return problem.code() + ": " + texts.text(problem, ReasonTexts.ENGLISH);
	}

	private static byte[] head(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			return in.readNBytes(RawMailIntake.headerBytes());
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
