package nl.postbrug.delivery;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where an office scanner delivers reply sheets ({@code postbrug.delivery.replies.*}):
 * one sub-folder per facility code under {@code hotFolder}; {@code null} turns the hot
 * folder off. {@code settle}: how long a file must have been left alone before it is
 * read, so a scan the scanner is still writing is not taken half-written (default 5 s).
 */
@ConfigurationProperties("postbrug.delivery.replies")
public record ReplySettings(Path hotFolder, Duration settle) {

	public ReplySettings {
		if (settle == null) {
			settle = Duration.ofSeconds(5);
		}
		if (settle.isNegative()) {
			throw new IllegalArgumentException("postbrug.delivery.replies.settle must not be negative, not " + settle);
		}
	}

}
