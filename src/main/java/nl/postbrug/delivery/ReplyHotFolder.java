package nl.postbrug.delivery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.postbrug.letters.ScannedPages;
import nl.postbrug.registry.Facility;
import nl.postbrug.registry.Registry;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reply sheets fed through an ordinary office scanner: the scanner saves each scan (PDF,
 * PNG or JPEG) into the facility's sub-folder of the hot folder, and each file is read as
 * an upload by that facility's postroom would be, then moved to {@code processed/}, or to
 * {@code failed/} beside a {@code .reason.txt} when it is not a readable scan. Pages
 * without a readable code wait in the facility's staff queue.
 */
@Component
public class ReplyHotFolder {

	private static final Logger log = LoggerFactory.getLogger(ReplyHotFolder.class);

	private final Replies replies;

	private final Registry registry;

	private final Path folder;

	private final Duration settle;

	private final Clock clock;

	ReplyHotFolder(Replies replies, Registry registry, ReplySettings settings, Clock clock) {
		this.replies = replies;
		this.registry = registry;
		this.folder = settings.hotFolder();
		this.settle = settings.settle();
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${postbrug.delivery.replies.poll-interval:10s}", initialDelayString = "PT5S")
	void poll() {
		try {
			readAll();
		}
		catch (RuntimeException ex) {
			log.error("Reply hot folder {} could not be read; will try again", folder, ex);
		}
	}

	/** Reads every scan waiting in every facility's sub-folder, oldest name first. */
	public synchronized List<Replies.PageResult> readAll() {
		List<Replies.PageResult> results = new ArrayList<>();
		if (folder == null || !Files.isDirectory(folder)) {
			return results;
		}
		for (Facility facility : registry.facilities()) {
			Path dir = folder.resolve(facility.code());
			if (!Files.isDirectory(dir)) {
				continue;
			}
			for (Path file : scans(dir)) {
				if (settled(file)) {
					results.addAll(read(file, facility));
				}
			}
		}
		return results;
	}

	private List<Replies.PageResult> read(Path file, Facility facility) {
		try {
			byte[] bytes = Files.readAllBytes(file);
			Replies.Receiver receiver = new Replies.Receiver("hot-folder:" + facility.code(), id -> id == facility.id(),
					facility.id());
			try {
				List<Replies.PageResult> results = replies.receive(bytes, receiver, Replies.HOT_FOLDER, false);
				move(file, "processed");
				log.info("Reply hot folder {}: {} -> {} pages", facility.code(), file.getFileName(), results.size());
				return results;
			}
			catch (ScannedPages.Refused refused) {
				Path moved = move(file, "failed");
				Files.writeString(moved.resolveSibling(moved.getFileName() + ".reason.txt"),
						refused.code() + ": " + refused.getMessage() + "\n", StandardCharsets.UTF_8);
				log.warn("Reply hot folder {}: {} refused: {}", facility.code(), file.getFileName(), refused.code());
				return List.of();
			}
		}
		catch (IOException ex) {
			log.warn("Reply hot folder: cannot read {} now: {}", file, ex.getMessage());
			return List.of();
		}
	}

	/**
	 * A scanner writes a file over some seconds; one touched within {@code settle} is
	 * left for the next poll rather than read half-written.
	 */
	private boolean settled(Path file) {
		try {
			return !Files.getLastModifiedTime(file).toInstant().isAfter(clock.instant().minus(settle));
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * Scans by their extension; names starting with a dot or tilde are a scanner's
	 * temporary files.
	 */
	private static List<Path> scans(Path dir) {
		try (Stream<Path> listing = Files.list(dir)) {
			return listing.filter(Files::isRegularFile).filter(file -> {
				String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
				return !name.startsWith(".") && !name.startsWith("~") && (name.endsWith(".pdf") || name.endsWith(".png")
						|| name.endsWith(".jpg") || name.endsWith(".jpeg"));
			}).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Path move(Path file, String into) throws IOException {
		Path dir = Files.createDirectories(file.resolveSibling(into));
		Path target = dir.resolve(file.getFileName());
		for (int n = 1; Files.exists(target); n++) {
			target = dir.resolve(n + "-" + file.getFileName());
		}
		return Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
	}

}
