package nl.postbrug.batches.schedule;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
