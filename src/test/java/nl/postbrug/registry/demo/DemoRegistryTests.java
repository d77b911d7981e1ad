package nl.postbrug.registry.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import nl.postbrug.registry.SampleRegistry;
import nl.postbrug.support.Bundles;
import nl.postbrug.support.TestDatabase;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** Whoever starts the demo reads in its log, in English, why a sample row was refused. */
@ExtendWith(OutputCaptureExtension.class)
class DemoRegistryTests {

	@Test
	void aRefusedSampleRowIsLoggedInEnglishWithItsLine(@TempDir Path samples, CapturedOutput log) throws IOException {
		for (String file : List.of("facilities.csv", "units.csv", "prisoners.csv", "contacts.csv", "staff.csv")) {
			Files.copy(Path.of("samples", file), samples.resolve(file));
		}
		Files.writeString(samples.resolve("units.csv"), "NOPE,X,Nergens\n", StandardOpenOption.APPEND);
		long line = Files.readAllLines(samples.resolve("units.csv")).size();

		new DemoRegistry(SampleRegistry.importer(TestDatabase.migrated()), samples, Bundles.messageSource()).run(null);

		assertThat(log).contains("Demo data units: ")
			.contains("1 refused [line " + line + ": There is no facility 'NOPE'.]")
			.doesNotContain("import.unknown-facility");
	}

}
