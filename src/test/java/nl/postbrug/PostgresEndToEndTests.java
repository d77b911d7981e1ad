package nl.postbrug;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.UUID;

import nl.postbrug.support.RequiresPostgres;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production database: the migrations run on PostgreSQL in a schema of their own, the
 * registry round-trips, and the whole journey of {@link EndToEndTests} passes there too
 * (Quartz with its PostgreSQL delegate, the event publication registry, the audit chain).
 */
@RequiresPostgres
class PostgresEndToEndTests extends EndToEndTests {

	private static final String SCHEMA = "postbrug_test_"
			+ UUID.randomUUID().toString().replace("-", "").substring(0, 12);

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> RequiresPostgres.URL + "?currentSchema=" + SCHEMA);
		registry.add("spring.datasource.username", () -> RequiresPostgres.USER);
		registry.add("spring.datasource.password", () -> "");
		registry.add("spring.flyway.schemas", () -> SCHEMA);
	}

	@Test
	void migrationsRanOnPostgresql() {
		String product = jdbc.sql("SELECT version()").query(String.class).single();
		assertThat(product).startsWith("PostgreSQL");
		List<String> applied = jdbc
			.sql("SELECT description FROM \"" + SCHEMA
					+ "\".flyway_schema_history WHERE success ORDER BY installed_rank")
			.query(String.class)
			.list();
		assertThat(applied).contains("registry", "quartz", "event publication", "intake", "batches", "audit");
		// one batch schedule per facility, and the triage model's training
		assertThat(count("SELECT COUNT(*) FROM qrtz_triggers WHERE trigger_name IN ('PIA', 'PIV', 'PIZ')"))
			.isEqualTo(3);
		assertThat(count("SELECT COUNT(*) FROM qrtz_triggers WHERE trigger_name = 'triage-training'")).isEqualTo(1);
	}

	@Test
	void registryRoundTripsThroughPostgresql() {
		var prisoner = registry.prisoner("1000000001").orElseThrow();
		assertThat(prisoner.facilityCode()).isEqualTo("PIA");
		assertThat(registry.facility(prisoner.facilityId()).zone().getId()).isEqualTo("Europe/Amsterdam");
		var anna = registry.contact("anna@example.org").orElseThrow();
		assertThat(registry.approvedPrisoners(anna.id())).extracting(p -> p.facilityCode()).contains("PIA", "PIV");
	}

	@AfterAll
	static void dropSchema() throws Exception {
		try (Connection connection = DriverManager.getConnection(RequiresPostgres.URL, RequiresPostgres.USER, "")) {
			connection.createStatement().execute("DROP SCHEMA IF EXISTS \"" + SCHEMA + "\" CASCADE");
		}
	}

}
