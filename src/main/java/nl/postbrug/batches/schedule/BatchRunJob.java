package nl.postbrug.batches.schedule;

import java.time.Instant;
import java.time.ZoneId;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import nl.postbrug.batches.Batches;
import nl.postbrug.registry.Registry;

import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * Runs the batch of one facility for the slot Quartz fired. The slot is the scheduled
 * fire time, not the moment it ran, so a run made up after downtime, or fired on two
 * nodes, still names one slot. A run Quartz recovers from a node that died mid-run names
 * the slot of the original run, and finishes the batch that node left.
 */
@DisallowConcurrentExecution
public class BatchRunJob extends QuartzJobBean {

	static final String FACILITY = "facility";

	static final String CUTOFF = "cutoff";

	static final String ZONE = "zone";

	private static final Logger log = LoggerFactory.getLogger(BatchRunJob.class);

	private final Batches batches;

	private final Registry registry;

	public BatchRunJob(Batches batches, Registry registry) {
		this.batches = batches;
		this.registry = registry;
	}

	@Override
	protected void executeInternal(JobExecutionContext context) throws JobExecutionException {
		JobDataMap data = context.getMergedJobDataMap();
		String code = data.getString(FACILITY);
		Instant slot = slot(context);
		var facility = registry.facility(code);
		if (facility.isEmpty()) {
			log.error("Scheduled batch for unknown facility {} skipped; fix scheduler-config", code);
			return;
		}
		String cutoffText = data.getString(CUTOFF);
		String zone = data.getString(ZONE);
		Instant cutoff = cutoffText == null ? slot
				: Cutoff.parse(cutoffText).of(slot, zone == null ? facility.get().zone() : ZoneId.of(zone));
		try {
			if (context.isRecovering()) {
				log.warn("Batch run for {} at {} recovered from a node that stopped; finishing it here", code, slot);
			}
			var batch = batches.runScheduled(facility.get(), slot, cutoff, context.isRecovering());
			log.info("Scheduled batch for {} at {}: batch {} with {} letters ({})", code, slot, batch.id(),
					batch.letters(), batch.status());
		}
		catch (RuntimeException ex) {
			// Refire: the slot's unique key makes a second attempt safe.
			throw new JobExecutionException("Batch for " + code + " at " + slot + " failed", ex, false);
		}
	}

	private static Instant slot(JobExecutionContext context) {
		if (context.isRecovering()) {
			String original = context.getMergedJobDataMap()
				.getString(Scheduler.FAILED_JOB_ORIGINAL_TRIGGER_SCHEDULED_FIRETIME_IN_MILLISECONDS);
			if (original != null) {
				return Instant.ofEpochMilli(Long.parseLong(original));
			}
		}
		return context.getScheduledFireTime().toInstant();
	}

}
