package nl.postbrug.registry;

/**
 * Where a facility's batches go: {@code FOLDER} writes them into a folder under the data directory
 * (demo default), {@code HOT_FOLDER} into a folder a print server watches, {@code IPP} to an
 * {@code ipp://} or {@code ipps://} printer.
 *
 * @param type   printer type, e.g. {@code FOLDER}
 * @param target type-specific target: a folder name, a hot-folder path or an IPP URI
 */
public record PrinterSettings(String type, String target) {
}
