package nl.postbrug.storage.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.UUID;

import javax.sql.DataSource;

import nl.postbrug.support.RequiresPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;

import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * {@link EncryptedDatabaseBlobStoreTests} on PostgreSQL (bytea), in a schema of its own.
 */
@RequiresPostgres
class PostgresEncryptedDatabaseBlobStoreTests extends EncryptedDatabaseBlobStoreTests {

	private static final String SCHEMA = "postbrug_sealed_blobs_"
			+ UUID.randomUUID().toString().replace("-", "").substring(0, 12);

	private static DataSource dataSource;

	@Override
	DataSource dataSource() {
		if (dataSource == null) {
			dataSource = new DriverManagerDataSource(RequiresPostgres.URL + "?currentSchema=" + SCHEMA,
					RequiresPostgres.USER, "");
			Flyway.configure()
				.dataSource(dataSource)
				.schemas(SCHEMA)
				.locations("classpath:db/migration/common", "classpath:db/migration/postgresql")
				.load()
				.migrate();
		}
		return dataSource;
	}

	@AfterAll
	static void dropSchema() throws Exception {
		try (Connection connection = DriverManager.getConnection(RequiresPostgres.URL, RequiresPostgres.USER, "")) {
			connection.createStatement().execute("DROP SCHEMA IF EXISTS \"" + SCHEMA + "\" CASCADE");
		}
	}

}
