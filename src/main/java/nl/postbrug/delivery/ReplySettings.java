package nl.postbrug.delivery;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where an office scanner delivers reply sheets ({@code postbrug.delivery.replies.*}):
 * one sub-folder per facility code under {@code hotFolder}; {@code null} turns the hot
 * folder off.
 */
@ConfigurationProperties("postbrug.delivery.replies")
public record ReplySettings(Path hotFolder) {
}
