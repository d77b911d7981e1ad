package nl.postbrug.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A schema of its own on the PostgreSQL server of these machines for one test class, with
 * the application's migrations, dropped after the class. Register it as a static
 * extension on a class marked {@link RequiresPostgres}.
 */
public final class PostgresSchema implements BeforeAllCallback, AfterAllCallback {

	private final String schema;

	private DataSource dataSource;

	/**
	 * @param prefix names the schema after its test class, for whoever looks at the
	 * server
	 */
	public PostgresSchema(String prefix) {
		this.schema = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		dataSource = new DriverManagerDataSource(RequiresPostgres.URL + "?currentSchema=" + schema,
				RequiresPostgres.USER, "");
		Flyway.configure()
			.dataSource(dataSource)
			.schemas(schema)
			.locations("classpath:db/migration/common", "classpath:db/migration/postgresql")
			.load()
			.migrate();
	}

	public DataSource dataSource() {
		return dataSource;
	}

	@Override
	public void afterAll(ExtensionContext context) throws Exception {
		try (Connection connection = DriverManager.getConnection(RequiresPostgres.URL, RequiresPostgres.USER, "")) {
			connection.createStatement().execute("DROP SCHEMA IF EXISTS \"" + schema + "\" CASCADE");
		}
	}

}
