package nl.postbrug.registry;

import java.time.ZoneId;

/**
 * A prison facility with its own postroom and printer.
 */
public record Facility(long id, String code, String name, ZoneId zone, PrinterSettings printer) {
}
