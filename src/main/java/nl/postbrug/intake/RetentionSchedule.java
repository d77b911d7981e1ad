package nl.postbrug.intake;

import java.util.Set;
import java.util.TimeZone;

import org.quartz.CronScheduleBuilder;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.quartz.QuartzJobBean;
import org.springframework.stereotype.Component;

/**
 * Runs the retention purge on {@code postbrug.retention.cron} (Europe/Amsterdam).
 * Quartz's job store is the application database, so on a cluster one node purges per
 * slot; the purge itself is safe should two ever overlap.
 */
@Component
class RetentionSchedule {

	private static final Logger log = LoggerFactory.getLogger(RetentionSchedule.class);

	static final JobKey JOB = JobKey.jobKey("retention-purge", "intake");

	private final Scheduler scheduler;

	private final RetentionSettings settings;

	RetentionSchedule(Scheduler scheduler, RetentionSettings settings) {
		this.scheduler = scheduler;
		this.settings = settings;
	}

	@EventListener(ApplicationReadyEvent.class)
	void schedule() throws SchedulerException {
		String cron = settings.cron() == null ? "" : settings.cron().strip();
		if (cron.isEmpty()) {
			scheduler.deleteJob(JOB);
			log.warn("Retention purge is off (postbrug.retention.cron is empty): message content is kept");
			return;
		}
		JobDetail job = JobBuilder.newJob(Run.class).withIdentity(JOB).storeDurably().build();
		Trigger trigger = TriggerBuilder.newTrigger()
			.withIdentity("retention-purge", "intake")
			.forJob(job)
			.withSchedule(CronScheduleBuilder.cronSchedule(cron)
				.inTimeZone(TimeZone.getTimeZone("Europe/Amsterdam"))
				.withMisfireHandlingInstructionFireAndProceed())
			.build();
		scheduler.scheduleJob(job, Set.of(trigger), true);
		log.info("Retention purge on schedule '{}', default period {} days", cron, settings.defaultDays());
	}

	/** One scheduled purge. */
	@DisallowConcurrentExecution
	public static class Run extends QuartzJobBean {

		private final ContentRetention retention;

		public Run(ContentRetention retention) {
			this.retention = retention;
		}

		@Override
		protected void executeInternal(JobExecutionContext context) {
			try {
				retention.purgeDue("schedule");
			}
			catch (RuntimeException ex) {
				// what was purged stays purged; the rest waits for the next slot
				log.error("Scheduled retention purge failed: {}", ex.getMessage(), ex);
			}
		}

	}

}
