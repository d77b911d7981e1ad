package nl.postbrug.support;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.function.Function;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * An in-memory H2 database with the application's migrations, for tests of one module's
 * SQL without starting the application.
 */
public final class TestDatabase {

	private TestDatabase() {
	}

	public static DataSource migrated() {
		DriverManagerDataSource dataSource = new DriverManagerDataSource(
				"jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
		Flyway.configure()
			.dataSource(dataSource)
			.locations("classpath:db/migration/common", "classpath:db/migration/h2")
			.load()
			.migrate();
		return dataSource;
	}

	/** Feeds one of the demo's sample CSV files to an importer. */
	public static <T> T sample(String file, Function<Reader, T> importer) {
		try (Reader reader = Files.newBufferedReader(Path.of("samples", file))) {
			return importer.apply(reader);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
