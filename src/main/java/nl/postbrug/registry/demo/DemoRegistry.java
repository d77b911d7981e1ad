package nl.postbrug.registry.demo;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import nl.postbrug.registry.ImportReport;
import nl.postbrug.registry.RegistryImport;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo profile's reference data: imports {@code samples/*.csv} on every start
 * (imports are idempotent) and gives the demo accounts the password {@code demo}.
 */
@Component
@Profile("demo")
@Order(10)
class DemoRegistry implements ApplicationRunner {

	static final String PASSWORD = "demo";

	private static final Logger log = LoggerFactory.getLogger(DemoRegistry.class);

	private static final List<String> STAFF = List.of("admin", "screener", "postroom", "auditor", "postroom-piv");

	private final RegistryImport importer;

	private final Path samples;

	private final MessageSource texts;

	DemoRegistry(RegistryImport importer, @Value("${postbrug.demo.samples-dir:samples}") Path samples,
			MessageSource texts) {
		this.importer = importer;
		this.samples = samples;
		this.texts = texts;
	}

	@Override
	public void run(ApplicationArguments args) {
		load("facilities.csv", importer::facilities);
		load("units.csv", importer::units);
		load("prisoners.csv", importer::prisoners);
		load("contacts.csv", importer::contacts);
		load("staff.csv", importer::staff);
		STAFF.forEach(user -> importer.setStaffPassword(user, PASSWORD));
		importer.setContactPassword("anna@example.org", PASSWORD);
		log.warn("""

				*****************************************************************************
				*  DEMO PROFILE ACTIVE: demo accounts with password 'demo' can sign in:      *
				*  admin, screener, postroom, auditor, postroom-piv, anna@example.org        *
				*  Never run the demo profile with real data or on a reachable network.     *
				*****************************************************************************""");
	}

	private void load(String file, Function<Reader, ImportReport> importer) {
		Path path = samples.resolve(file);
		try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
			ImportReport report = importer.apply(reader);
			if (report.clean()) {
				log.info("Demo data {}", report.toString(texts, Locale.ENGLISH));
			}
			else {
				// The log is read by whoever runs the demo; English like the rest of it.
				log.warn("Demo data {} ({})", report.toString(texts, Locale.ENGLISH), path);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Demo data " + path + " cannot be read", ex);
		}
	}

}
