package nl.postbrug.registry;

/**
 * Where a facility's batches go: {@code FOLDER} writes them into a folder under the data directory
 * (demo default), other types are added by the batches module's printer adapters.
 *
 * @param type   printer type, e.g. {@code FOLDER}
 * @param target type-specific target: a folder name, a hot-folder path or an IPP URI
 */
public record PrinterSettings(String type, String target) {
}
