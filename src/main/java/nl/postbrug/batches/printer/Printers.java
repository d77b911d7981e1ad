package nl.postbrug.batches.printer;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import nl.postbrug.batches.BatchSettings;
import nl.postbrug.registry.Facility;
import nl.postbrug.registry.PrinterType;

import org.springframework.stereotype.Component;

/**
 * Chooses the printer a facility's settings name: for {@link PrinterType#FOLDER} a
 * sub-folder of the folder printer directory, for {@link PrinterType#HOT_FOLDER} the
 * absolute path a print server watches, for {@link PrinterType#IPP} an {@code ipp://} or
 * {@code ipps://} printer URI.
 */
@Component
public class Printers {

	private final BatchSettings settings;

	/** Public so that the print step can be tested against the real adapters. */
	public Printers(BatchSettings settings) {
		this.settings = settings;
	}

	public Printer forFacility(Facility facility) {
		String target = facility.printer().target();
		return switch (facility.printer().type()) {
			case FOLDER -> new FolderPrinter(settings.folderPrinterDir().resolve(safeName(target)));
			case HOT_FOLDER -> new FolderPrinter(Path.of(target));
			case IPP -> ipp(facility, target);
		};
	}

	private IppPrinter ipp(Facility facility, String target) {
		try {
			return new IppPrinter(URI.create(target.strip()), settings.ipp().connectTimeout(),
					settings.ipp().requestTimeout(), facility.printer().duplex());
		}
		catch (IllegalArgumentException ex) {
			throw new PrinterUnavailable("Facility " + facility.code() + " has IPP printer '" + target
					+ "', which is not an ipp:// or ipps:// URI", ex);
		}
	}

	private static String safeName(String target) {
		String name = target.replaceAll("[^A-Za-z0-9._-]", "_");
		if (name.isEmpty() || name.startsWith(".")) {
			throw new PrinterUnavailable("Printer folder name '" + target + "' is not usable", null);
		}
		return name;
	}

	/** Timeouts for IPP printers ({@code postbrug.batches.ipp.*}). */
	public record IppTimeouts(Duration connectTimeout, Duration requestTimeout) {

		public IppTimeouts {
			connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
			requestTimeout = requestTimeout == null ? Duration.ofMinutes(5) : requestTimeout;
		}

	}

}
