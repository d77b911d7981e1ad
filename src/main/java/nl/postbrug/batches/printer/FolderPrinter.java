package nl.postbrug.batches.printer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes each job as a PDF file into a folder, for the demo and for postrooms that print by hand. The
 * file appears under its final name only when complete (copy to a temporary name, then rename), so a
 * watcher never picks up half a job.
 */
class FolderPrinter implements Printer {

	private final Path folder;

	FolderPrinter(Path folder) {
		this.folder = folder;
	}

	@Override
	public String print(Path pdf, String jobName) {
		try {
			Files.createDirectories(folder);
			Path target = folder.resolve(jobName + ".pdf");
			Path partial = folder.resolve("." + jobName + ".pdf.part");
			Files.copy(pdf, partial, StandardCopyOption.REPLACE_EXISTING);
			Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			return "folder " + target;
		}
		catch (IOException ex) {
			throw new PrinterUnavailable("Cannot write to printer folder " + folder + ": " + ex.getMessage(), ex);
		}
	}

}
