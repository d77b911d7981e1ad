package nl.postbrug.registry;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How a facility's batches reach paper: {@code FOLDER} writes them into a folder under
 * the data directory (demo default, staff print by hand), {@code HOT_FOLDER} into a
 * folder a print server watches, {@code IPP} to an {@code ipp://} or {@code ipps://}
 * printer. The facility file, the database column and the printer adapters all use these
 * names.
 */
public enum PrinterType {

	FOLDER, HOT_FOLDER, IPP;

	/** The type a facility file names, in any case; empty when there is no such type. */
	public static Optional<PrinterType> named(String name) {
		String wanted = name == null ? "" : name.strip().toUpperCase(Locale.ROOT);
		return Arrays.stream(values()).filter(type -> type.name().equals(wanted)).findFirst();
	}

	/** "FOLDER, HOT_FOLDER or IPP", for messages that say what is allowed. */
	public static String choices() {
		PrinterType[] all = values();
		return String.join(", ", Arrays.stream(all).limit(all.length - 1).map(Enum::name).toList()) + " or "
				+ all[all.length - 1].name();
	}

}
