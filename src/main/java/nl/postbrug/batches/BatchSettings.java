package nl.postbrug.batches;

import java.nio.file.Path;
import java.time.Duration;

import nl.postbrug.batches.printer.Printers;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where batches are written, scheduled and printed ({@code postbrug.batches.*}).
 *
 * @param outputDir batch and reprint PDFs are kept here; shared storage when several
 * nodes run
 * @param folderPrinterDir the folder printer writes each facility's jobs into a
 * sub-folder of this one
 * @param scheduleFile facility batch times (cron) and cut-offs
 * @param quartzFile Quartz settings merged over the defaults
 * @param retryInterval first wait before a batch the printer refused is tried again;
 * doubles per attempt
 * @param maxRetryInterval the longest wait between two attempts
 * @param maxLettersPerBatch letters taken into one batch at most; the rest wait for the
 * next slot
 * @param sweepInterval how often failed prints due for a retry and batches of dead nodes
 * are looked for
 * @param staleAfter a batch whose worker has not shown a sign of life for this long is
 * taken over
 * @param jobPollInterval how often a printer is asked about a job it has not finished
 * @param jobTimeout how long a job may stay unfinished at the printer before the batch
 * shows PRINT_FAILED (longer than the largest batch takes to print; the job is then asked
 * about, never resent)
 * @param nodeId this node's name in the batch table; default host name, process id and
 * start time
 * @param ipp timeouts for IPP printers
 */
@ConfigurationProperties("postbrug.batches")
public record BatchSettings(Path outputDir, Path folderPrinterDir, Path scheduleFile, Path quartzFile,
		@DefaultValue("5m") Duration retryInterval, @DefaultValue("1h") Duration maxRetryInterval,
		@DefaultValue("5000") int maxLettersPerBatch, @DefaultValue("15s") Duration sweepInterval,
		@DefaultValue("1m") Duration staleAfter, @DefaultValue("2s") Duration jobPollInterval,
		@DefaultValue("2h") Duration jobTimeout, String nodeId, @DefaultValue Printers.IppTimeouts ipp) {
}
