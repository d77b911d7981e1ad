package nl.postbrug.screening;

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
 * Retrains the triage model on {@code postbrug.screening.triage.training-cron}
 * (Europe/Amsterdam). Quartz's job store is the application database, so on a cluster one
 * node trains per slot.
 */
@Component
class TriageTraining {

	private static final Logger log = LoggerFactory.getLogger(TriageTraining.class);

	static final JobKey JOB = JobKey.jobKey("triage-training", "screening");

	private final Scheduler scheduler;

	private final TriageSettings settings;

	private final TriageModels models;

	TriageTraining(Scheduler scheduler, TriageSettings settings, TriageModels models) {
		this.scheduler = scheduler;
		this.settings = settings;
		this.models = models;
	}

	@EventListener(ApplicationReadyEvent.class)
	void trainWhenMissing() {
		if (settings.trainWhenMissing() && models.current().isEmpty()
				&& !java.nio.file.Files.exists(nl.postbrug.screening.triage.ModelFile.in(settings.modelDir()))) {
			models.train("start-up");
		}
	}

	@EventListener(ApplicationReadyEvent.class)
	void schedule() throws SchedulerException {
		String cron = settings.trainingCron() == null ? "" : settings.trainingCron().strip();
		if (cron.isEmpty()) {
			scheduler.deleteJob(JOB);
			return;
		}
		JobDetail job = JobBuilder.newJob(Run.class).withIdentity(JOB).storeDurably().build();
		Trigger trigger = TriggerBuilder.newTrigger()
			.withIdentity("triage-training", "screening")
			.forJob(job)
			.withSchedule(CronScheduleBuilder.cronSchedule(cron)
				.inTimeZone(TimeZone.getTimeZone("Europe/Amsterdam"))
				.withMisfireHandlingInstructionDoNothing())
			.build();
		scheduler.scheduleJob(job, Set.of(trigger), true);
		log.info("Triage model retrained on schedule '{}'", cron);
	}

	/** One scheduled training. */
	@DisallowConcurrentExecution
	public static class Run extends QuartzJobBean {

		private final TriageModels models;

		public Run(TriageModels models) {
			this.models = models;
		}

		@Override
		protected void executeInternal(JobExecutionContext context) {
			try {
				models.train("schedule");
			}
			catch (RuntimeException ex) {
				// the model in use stays; the next slot tries again
				log.error("Scheduled training of the triage model failed: {}", ex.getMessage(), ex);
			}
		}

	}

}
