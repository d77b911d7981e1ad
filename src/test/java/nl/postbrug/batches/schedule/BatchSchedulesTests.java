package nl.postbrug.batches.schedule;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;

import nl.postbrug.batches.BatchSettings;
import nl.postbrug.registry.Facility;
import nl.postbrug.registry.Registry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.CronTrigger;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.TriggerKey;
import org.quartz.impl.StdSchedulerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

class BatchSchedulesTests {

	private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

	@Test
	void readsEachFacilitysBatchTimeAndCutOff() throws IOException {
		BatchSchedules.Loaded loaded = BatchSchedules.read(file("""
				timezone=Europe/Amsterdam
				PIA=0 0 7 ? * MON-SAT
				PIA.cutoff=06:30
				piv=0 30 7 ? * MON-SAT
				"""));
		assertThat(loaded.zone()).isEqualTo(AMSTERDAM);
		assertThat(loaded.schedules()).extracting(BatchSchedules.Schedule::facility).containsExactly("PIA", "PIV");
		assertThat(loaded.schedules().get(0).cutoff().text()).isEqualTo("06:30");
		assertThat(loaded.schedules().get(1).cutoff()).isEqualTo(Cutoff.AT_SLOT);
	}

	@Test
	void withoutATimezoneLineEachFacilityRunsOnItsOwnClockFromTheRegistry(@TempDir Path dir) throws Exception {
		Path file = file("PIA=0 0 7 ? * MON-SAT\nPIB=0 0 7 ? * MON-SAT\nPIX=0 0 7 ? * MON-SAT\n");
		assertThat(BatchSchedules.read(file).zone()).isNull();
		Registry registry = mock(Registry.class);
		given(registry.facility("PIA"))
			.willReturn(Optional.of(new Facility(1, "PIA", "PI Amsterdam", AMSTERDAM, null)));
		given(registry.facility("PIB"))
			.willReturn(Optional.of(new Facility(2, "PIB", "PI Bonaire", ZoneId.of("America/Kralendijk"), null)));
		given(registry.facility("PIX")).willReturn(Optional.empty());
		Scheduler scheduler = inMemoryScheduler();
		try {
			new BatchSchedules(scheduler, registry, settings(dir, file)).apply();
			assertThat(zoneOf(scheduler, "PIA")).isEqualTo("Europe/Amsterdam");
			assertThat(zoneOf(scheduler, "PIB")).isEqualTo("America/Kralendijk");
			assertThat(scheduler.getJobDetail(JobKey.jobKey("PIB", BatchSchedules.GROUP))
				.getJobDataMap()
				.getString(BatchRunJob.ZONE)).as("the cut-off is reckoned in the same zone")
				.isEqualTo("America/Kralendijk");
			assertThat(scheduler.getTrigger(TriggerKey.triggerKey("PIX", BatchSchedules.GROUP)))
				.as("a facility the registry does not know yet waits")
				.isNull();
			// a timezone line puts every facility of the file in that zone
			Files.writeString(file, "timezone=Europe/London\nPIB=0 0 7 ? * MON-SAT\n");
			new BatchSchedules(scheduler, registry, settings(dir, file)).apply();
			assertThat(zoneOf(scheduler, "PIB")).isEqualTo("Europe/London");
			assertThat(scheduler.getTrigger(TriggerKey.triggerKey("PIA", BatchSchedules.GROUP))).isNull();
		}
		finally {
			scheduler.shutdown();
		}
	}

	private static String zoneOf(Scheduler scheduler, String facility) throws SchedulerException {
		return ((CronTrigger) scheduler.getTrigger(TriggerKey.triggerKey(facility, BatchSchedules.GROUP))).getTimeZone()
			.getID();
	}

	private static Scheduler inMemoryScheduler() throws SchedulerException {
		Properties quartz = new Properties();
		quartz.setProperty("org.quartz.scheduler.instanceName", "schedules-" + UUID.randomUUID());
		quartz.setProperty("org.quartz.threadPool.threadCount", "1");
		quartz.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
		return new StdSchedulerFactory(quartz).getScheduler();
	}

	private static BatchSettings settings(Path dir, Path scheduleFile) {
		return new BatchSettings(dir.resolve("batches"), dir.resolve("printer"), scheduleFile, null,
				Duration.ofMinutes(5), Duration.ofHours(1), 5000, Duration.ofSeconds(15), Duration.ofMinutes(1),
				Duration.ofSeconds(2), Duration.ofHours(2), "node", null);
	}

	@Test
	void aBadBatchTimeStopsStartUpNamingTheFacilityAndTheValue() {
		assertThatThrownBy(() -> BatchSchedules.read(file("PIA=0 0 25 * * ?\n")))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("facility PIA")
			.hasMessageContaining("'0 0 25 * * ?'");
	}

	@Test
	void aBadCutOffStopsStartUpNamingTheFacilityAndTheValue() {
		assertThatThrownBy(() -> BatchSchedules.read(file("PIA=0 0 7 ? * MON-SAT\nPIA.cutoff=half past six\n")))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("facility PIA")
			.hasMessageContaining("'half past six'");
		assertThatThrownBy(() -> BatchSchedules.read(file("PIA.cutoff=06:30\n"))).hasMessageContaining("no batch time");
		assertThatThrownBy(() -> BatchSchedules.read(file("PIA=0 0 7 ? * *\nPIA.cutof=06:30\n")))
			.hasMessageContaining("setting 'cutof'");
		assertThatThrownBy(() -> BatchSchedules.read(file("timezone=Mars/Olympus\n")))
			.hasMessageContaining("Mars/Olympus");
	}

	@Test
	void aCutOffIsATimeOfDayAtOrBeforeTheSlotOrATimeBeforeIt() {
		Instant sevenInSummer = Instant.parse("2026-07-01T05:00:00Z"); // 07:00 in
																		// Amsterdam
		assertThat(Cutoff.parse("06:30").of(sevenInSummer, AMSTERDAM)).isEqualTo(Instant.parse("2026-07-01T04:30:00Z"));
		assertThat(Cutoff.parse("22:00").of(sevenInSummer, AMSTERDAM)).isEqualTo(Instant.parse("2026-06-30T20:00:00Z"));
		assertThat(Cutoff.parse("30m").of(sevenInSummer, AMSTERDAM)).isEqualTo(Instant.parse("2026-07-01T04:30:00Z"));
		assertThat(Cutoff.parse("PT1H").of(sevenInSummer, AMSTERDAM)).isEqualTo(Instant.parse("2026-07-01T04:00:00Z"));
		assertThat(Cutoff.AT_SLOT.of(sevenInSummer, AMSTERDAM)).isEqualTo(sevenInSummer);
		assertThatThrownBy(() -> Cutoff.parse("25:00")).isInstanceOf(IllegalArgumentException.class);
	}

	private static Path file(String text) throws IOException {
		Path file = Files.createTempFile("schedules-", ".properties");
		Files.writeString(file, text);
		return file;
	}

}
