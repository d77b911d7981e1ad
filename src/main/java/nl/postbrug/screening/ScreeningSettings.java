package nl.postbrug.screening;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param rulesDir the folder with {@code default.rules} and {@code <FACILITY>.rules}
 * @param secondReviewerForWithhold whether a withhold takes effect only once a second
 * screener confirms it
 */
@ConfigurationProperties("postbrug.screening")
public record ScreeningSettings(@DefaultValue("samples/rules") Path rulesDir,
		@DefaultValue("false") boolean secondReviewerForWithhold) {
}
