package nl.postbrug.registry;

/**
 * Where a facility's batches go: {@code FOLDER} writes them into a folder under the data
 * directory (demo default), {@code HOT_FOLDER} into a folder a print server watches,
 * {@code IPP} to an {@code ipp://} or {@code ipps://} printer.
 *
 * @param type printer type, e.g. {@code FOLDER}
 * @param target type-specific target: a folder name, a hot-folder path or an IPP URI
 * @param duplex print on both sides; each letter then starts on a new sheet
 * @param greyscalePhotos print photos in shades of grey
 */
public record PrinterSettings(String type, String target, boolean duplex, boolean greyscalePhotos) {

	/** Single-sided, photos in colour. */
	public PrinterSettings(String type, String target) {
		this(type, target, false, false);
	}

}
