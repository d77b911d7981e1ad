package nl.postbrug.batches.printer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Writes each job as a PDF file into a folder: the plain folder of the demo (postrooms
 * that print by hand) and the hot folder a print server watches. The file appears under
 * its final name only when complete (copy to a temporary name, then rename), so a watcher
 * never picks up half a job. A job is done once its file is there; a job file already in
 * the folder counts as handed over, so a batch is not written twice. (A hot-folder
 * watcher that removes files it took cannot be asked afterwards: a crash in the moment
 * between writing the file and recording it may then send the batch again.)
 */
class FolderPrinter implements Printer {

	private final Path folder;

	FolderPrinter(Path folder) {
		this.folder = folder;
	}

	@Override
	public String uri() {
		return folder.toUri().toString();
	}

	@Override
	public PrintJob submit(Path pdf, String jobName) {
		try {
			Files.createDirectories(folder);
			Path target = target(jobName);
			Path partial = folder.resolve("." + jobName + ".pdf.part");
			Files.copy(pdf, partial, StandardCopyOption.REPLACE_EXISTING);
			Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			return new PrintJob(target.toString(), PrintJob.State.COMPLETED, "folder " + target);
		}
		catch (IOException ex) {
			throw new PrinterUnavailable("Cannot write to printer folder " + folder + ": " + ex.getMessage(), ex);
		}
	}

	@Override
	public PrintJob status(String job) {
		Path file = Path.of(job);
		return Files.exists(file) ? new PrintJob(job, PrintJob.State.COMPLETED, "folder " + file)
				: new PrintJob(job, PrintJob.State.UNKNOWN, "no file " + file);
	}

	@Override
	public Optional<PrintJob> find(String jobName) {
		Path target = target(jobName);
		return Files.exists(target)
				? Optional.of(new PrintJob(target.toString(), PrintJob.State.COMPLETED, "folder " + target))
				: Optional.empty();
	}

	@Override
	public Reachability check() {
		Path existing = folder;
		while (existing != null && !Files.exists(existing)) {
			existing = existing.getParent();
		}
		boolean writable = existing != null && Files.isDirectory(existing) && Files.isWritable(existing);
		return new Reachability(writable, writable ? "folder " + folder : "cannot write to " + folder);
	}

	private Path target(String jobName) {
		return folder.resolve(jobName + ".pdf");
	}

}
