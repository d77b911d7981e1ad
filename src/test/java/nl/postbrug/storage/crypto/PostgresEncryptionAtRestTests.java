package nl.postbrug.storage.crypto;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.UUID;

import nl.postbrug.support.RequiresPostgres;
import org.junit.jupiter.api.AfterAll;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link EncryptionAtRestTests} on the production database: bytea and text columns, and
 * the rotation's row locks ({@code FOR UPDATE}) as PostgreSQL takes them, two nodes at
 * once.
 */
@RequiresPostgres
class PostgresEncryptionAtRestTests extends EncryptionAtRestTests {

	private static final String SCHEMA = "postbrug_sealed_"
			+ UUID.randomUUID().toString().replace("-", "").substring(0, 12);

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> RequiresPostgres.URL + "?currentSchema=" + SCHEMA);
		registry.add("spring.datasource.username", () -> RequiresPostgres.USER);
		registry.add("spring.datasource.password", () -> "");
		registry.add("spring.flyway.schemas", () -> SCHEMA);
	}

	@AfterAll
	static void dropSchema() throws Exception {
		try (Connection connection = DriverManager.getConnection(RequiresPostgres.URL, RequiresPostgres.USER, "")) {
			connection.createStatement().execute("DROP SCHEMA IF EXISTS \"" + SCHEMA + "\" CASCADE");
		}
	}

}
