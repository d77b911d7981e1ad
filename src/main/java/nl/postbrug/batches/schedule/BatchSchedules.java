package nl.postbrug.batches.schedule;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TimeZone;

import org.quartz.CronExpression;
import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import nl.postbrug.batches.BatchSettings;
import nl.postbrug.registry.Facility;
import nl.postbrug.registry.Registry;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Reads each facility's batch times from
 * {@code scheduler-config/batch-schedules.properties} and keeps Quartz's triggers in line
 * with it. Each line is {@code <FACILITY CODE> = <Quartz cron expression>}, optionally
 * with {@code <FACILITY CODE>.cutoff = 06:30} (or {@code 30m}): messages approved after
 * the cut-off wait for the next batch. Times are in each facility's time zone from the
 * registry; a {@code timezone} line puts every facility of the file in that one zone
 * instead. A bad line stops start-up with the facility and the value named. A slot missed
 * while the service was down fires once at start-up (Quartz misfire policy "fire once
 * now"); the job asks for recovery, so on a cluster a run whose node died is run again by
 * another node.
 */
@Component
class BatchSchedules implements InitializingBean {

	static final String GROUP = "batches";

	private static final Logger log = LoggerFactory.getLogger(BatchSchedules.class);

	record Schedule(String facility, String cron, Cutoff cutoff) {
	}

	private final Scheduler scheduler;

	private final Registry registry;

	private final BatchSettings settings;

	BatchSchedules(Scheduler scheduler, Registry registry, BatchSettings settings) {
		this.scheduler = scheduler;
		this.registry = registry;
		this.settings = settings;
	}

	/**
	 * Checks the schedule file before anything else starts, so a bad line stops start-up.
	 */
	@Override
	public void afterPropertiesSet() {
		Path file = settings.scheduleFile();
		if (file != null && Files.isReadable(file)) {
			read(file);
		}
	}

	@EventListener(ApplicationReadyEvent.class)
	void apply() throws SchedulerException {
		Path file = settings.scheduleFile();
		if (file == null || !Files.isReadable(file)) {
			log.warn("No batch schedule file at {}; batches run only on demand", file);
			return;
		}
		Loaded loaded = read(file);
		List<String> wanted = new ArrayList<>();
		for (Schedule schedule : loaded.schedules()) {
			Optional<Facility> facility = registry.facility(schedule.facility());
			if (facility.isEmpty()) {
				log.warn("{}: facility {} is not in the registry (yet); its schedule waits until it is", file,
						schedule.facility());
			}
			ZoneId zone = loaded.zone() != null ? loaded.zone() : facility.map(Facility::zone).orElse(null);
			if (zone == null) {
				continue; // no time zone to run it in before the registry knows the
							// facility
			}
			wanted.add(schedule.facility());
			JobKey job = JobKey.jobKey(schedule.facility(), GROUP);
			JobDetail detail = JobBuilder.newJob(BatchRunJob.class)
				.withIdentity(job)
				.usingJobData(BatchRunJob.FACILITY, schedule.facility())
				.usingJobData(BatchRunJob.CUTOFF, schedule.cutoff().text())
				.usingJobData(BatchRunJob.ZONE, zone.getId())
				.storeDurably()
				.requestRecovery()
				.build();
			Trigger trigger = TriggerBuilder.newTrigger()
				.withIdentity(TriggerKey.triggerKey(schedule.facility(), GROUP))
				.forJob(job)
				.withSchedule(CronScheduleBuilder.cronSchedule(schedule.cron())
					.inTimeZone(TimeZone.getTimeZone(zone))
					.withMisfireHandlingInstructionFireAndProceed())
				.build();
			Trigger existing = scheduler.getTrigger(trigger.getKey());
			JobDetail stored = scheduler.getJobDetail(job);
			boolean sameJob = stored != null
					&& schedule.cutoff().text().equals(stored.getJobDataMap().getString(BatchRunJob.CUTOFF))
					&& zone.getId().equals(stored.getJobDataMap().getString(BatchRunJob.ZONE))
					&& stored.requestsRecovery();
			if (!sameJob) {
				scheduler.addJob(detail, true);
			}
			if (existing instanceof org.quartz.CronTrigger cron && cron.getCronExpression().equals(schedule.cron())
					&& cron.getTimeZone().getID().equals(zone.getId())) {
				continue; // keep the stored trigger and its next fire time, so a missed
							// slot is still made up
			}
			if (existing == null) {
				try {
					scheduler.scheduleJob(trigger);
				}
				catch (ObjectAlreadyExistsException otherNode) {
					continue; // another node starting at the same time stored it first
				}
			}
			else {
				scheduler.rescheduleJob(trigger.getKey(), trigger);
			}
			log.info("Batches for {} at '{}' ({})", schedule.facility(), schedule.cron(), zone);
		}
		for (TriggerKey key : scheduler.getTriggerKeys(GroupMatcher.triggerGroupEquals(GROUP))) {
			if (!wanted.contains(key.getName())) {
				scheduler.unscheduleJob(key);
				log.info("Batch schedule for {} removed", key.getName());
			}
		}
	}

	/**
	 * @param zone the file's {@code timezone}, for every facility in it; {@code null}:
	 * each facility's own
	 */
	record Loaded(ZoneId zone, List<Schedule> schedules) {
	}

	static Loaded read(Path file) {
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read batch schedules " + file, ex);
		}
		String zoneName = properties.getProperty("timezone", "").strip();
		ZoneId zone = null;
		try {
			zone = zoneName.isEmpty() ? null : ZoneId.of(zoneName);
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException(file + ": timezone '" + zoneName + "' is not a time zone");
		}
		Map<String, String> sorted = new LinkedHashMap<>();
		Map<String, Cutoff> cutoffs = new LinkedHashMap<>();
		for (String key : properties.stringPropertyNames().stream().sorted().toList()) {
			String value = properties.getProperty(key).strip();
			if (key.equals("timezone")) {
				continue;
			}
			int dot = key.indexOf('.');
			String facility = (dot < 0 ? key : key.substring(0, dot)).strip().toUpperCase(Locale.ROOT);
			if (dot < 0) {
				sorted.put(facility, value);
				continue;
			}
			String setting = key.substring(dot + 1).strip();
			if (!setting.equals("cutoff")) {
				throw new IllegalStateException(file + ": facility " + facility + " has setting '" + setting
						+ "', which is unknown; a facility has a batch time ('" + facility
						+ "=0 0 7 ? * MON-SAT') and optionally a cut-off ('" + facility + ".cutoff=06:30')");
			}
			try {
				cutoffs.put(facility, Cutoff.parse(value));
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalStateException(
						file + ": facility " + facility + " has cut-off '" + value + "', which is " + ex.getMessage()
								+ "; write a time of day (06:30) or a time before the batch (30m, 2h, PT1H30M)");
			}
		}
		for (String facility : cutoffs.keySet()) {
			if (!sorted.containsKey(facility)) {
				throw new IllegalStateException(file + ": facility " + facility
						+ " has a cut-off but no batch time; add '" + facility + "=<cron>' or remove the cut-off");
			}
		}
		List<Schedule> schedules = new ArrayList<>();
		for (Map.Entry<String, String> entry : sorted.entrySet()) {
			String facility = entry.getKey();
			String cron = entry.getValue();
			if (!CronExpression.isValidExpression(cron)) {
				throw new IllegalStateException(file + ": facility " + facility + " has batch time '" + cron
						+ "', which is not a Quartz cron expression (seconds minutes hours day-of-month month day-of-week, e.g. '0 0 7 ? * MON-FRI')");
			}
			schedules.add(new Schedule(facility, cron, cutoffs.getOrDefault(facility, Cutoff.AT_SLOT)));
		}
		return new Loaded(zone, schedules);
	}

}
