package nl.postbrug.registry;

/**
 * Where a facility's batches go, and how they are printed there.
 *
 * @param type how the batches reach the printer
 * @param target type-specific target: a folder name, a hot-folder path or an IPP URI
 * @param duplex print on both sides; each letter then starts on a new sheet
 * @param greyscalePhotos print photos in shades of grey
 * @param replySheets print a reply sheet after every letter whose sender did not say
 * otherwise
 */
public record PrinterSettings(PrinterType type, String target, boolean duplex, boolean greyscalePhotos,
		boolean replySheets) {

	/** Single-sided, photos in colour. */
	public PrinterSettings(PrinterType type, String target) {
		this(type, target, false, false);
	}

	/** Without reply sheets unless the sender asks for one. */
	public PrinterSettings(PrinterType type, String target, boolean duplex, boolean greyscalePhotos) {
		this(type, target, duplex, greyscalePhotos, false);
	}

}
