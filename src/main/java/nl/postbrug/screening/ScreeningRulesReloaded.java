package nl.postbrug.screening;

import java.util.List;

/**
 * An administrator reloaded the screening rules; {@code version} is the SHA-256 over the
 * rule files.
 */
public record ScreeningRulesReloaded(String version, List<String> facilities, String actor) {
}
