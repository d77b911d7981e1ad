package nl.postbrug.batches.schedule;

import java.util.Date;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import nl.postbrug.batches.Batches;
import nl.postbrug.registry.Registry;

import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * Runs the batch of one facility for the slot Quartz fired. The slot is the scheduled fire time, not
 * the moment it ran, so a run made up after downtime, or fired on two nodes, still names one slot.
 */
@DisallowConcurrentExecution
public class BatchRunJob extends QuartzJobBean {

	static final String FACILITY = "facility";

	private static final Logger log = LoggerFactory.getLogger(BatchRunJob.class);

	private final Batches batches;

	private final Registry registry;

	public BatchRunJob(Batches batches, Registry registry) {
		this.batches = batches;
		this.registry = registry;
	}

	@Override
	protected void executeInternal(JobExecutionContext context) throws JobExecutionException {
		String code = context.getMergedJobDataMap().getString(FACILITY);
		Date slot = context.getScheduledFireTime();
		var facility = registry.facility(code);
		if (facility.isEmpty()) {
			log.error("Scheduled batch for unknown facility {} skipped; fix scheduler-config", code);
			return;
		}
		try {
			var batch = batches.runScheduled(facility.get(), slot.toInstant());
			log.info("Scheduled batch for {} at {}: batch {} with {} letters ({})", code, slot.toInstant(), batch.id(),
					batch.letters(), batch.status());
		}
		catch (RuntimeException ex) {
			// Refire: the slot's unique key makes a second attempt safe.
			throw new JobExecutionException("Batch for " + code + " at " + slot.toInstant() + " failed", ex, false);
		}
	}

}
