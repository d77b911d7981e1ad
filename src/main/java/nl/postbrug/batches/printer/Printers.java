package nl.postbrug.batches.printer;

import java.nio.file.Path;
import java.util.Locale;

import nl.postbrug.batches.BatchSettings;
import nl.postbrug.registry.Facility;

import org.springframework.stereotype.Component;

/**
 * Chooses the printer a facility's settings name. {@code FOLDER} targets a sub-folder of the folder
 * printer directory; {@code HOT_FOLDER} targets an absolute path a print server watches.
 */
@Component
public class Printers {

	private final BatchSettings settings;

	Printers(BatchSettings settings) {
		this.settings = settings;
	}

	public Printer forFacility(Facility facility) {
		String target = facility.printer().target();
		return switch (facility.printer().type().toUpperCase(Locale.ROOT)) {
			case "FOLDER" -> new FolderPrinter(settings.folderPrinterDir().resolve(safeName(target)));
			case "HOT_FOLDER" -> new FolderPrinter(Path.of(target));
			default -> throw new PrinterUnavailable(
					"Facility " + facility.code() + " has printer type " + facility.printer().type()
							+ ", which this version cannot print to; use FOLDER or HOT_FOLDER",
					null);
		};
	}

	private static String safeName(String target) {
		String name = target.replaceAll("[^A-Za-z0-9._-]", "_");
		if (name.isEmpty() || name.startsWith(".")) {
			throw new PrinterUnavailable("Printer folder name '" + target + "' is not usable", null);
		}
		return name;
	}

}
