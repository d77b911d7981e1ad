package nl.postbrug.batches;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where batches are written and scheduled ({@code postbrug.batches.*}).
 *
 * @param outputDir    batch and reprint PDFs are kept here
 * @param folderPrinterDir the folder printer writes each facility's jobs into a sub-folder of this one
 * @param scheduleFile facility batch times (cron)
 * @param quartzFile   Quartz settings merged over the defaults
 * @param retryInterval how often batches the printer refused are tried again
 */
@ConfigurationProperties("postbrug.batches")
public record BatchSettings(Path outputDir, Path folderPrinterDir, Path scheduleFile, Path quartzFile,
		@DefaultValue("5m") Duration retryInterval, @DefaultValue("5000") int maxLettersPerBatch) {
}
