package nl.postbrug.audit;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.UUID;

import nl.postbrug.audit.Verification.AnchorFault;
import nl.postbrug.audit.Verification.Problem;
import nl.postbrug.support.RequiresPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The production database: the chain's text and times come back as they were hashed, the
 * table refuses changes, and when an owner drops that guard the anchors still tell.
 */
@RequiresPostgres
class AuditPostgresTests {

	private final String schema = "audit_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

	@TempDir
	Path anchors;

	private AuditFixture audit;

	@BeforeEach
	void migratedSchemaWithAnchoredEvents() {
		DriverManagerDataSource database = new DriverManagerDataSource(
				RequiresPostgres.URL + "?currentSchema=" + schema, RequiresPostgres.USER, "");
		Flyway.configure()
			.dataSource(database)
			.schemas(schema)
			.locations("classpath:db/migration/common", "classpath:db/migration/postgresql")
			.load()
			.migrate();
		audit = new AuditFixture(database, anchors).events(6);
		audit.log.append("screener", "MESSAGE_WITHHELD", "message:7",
				"internal: \"lopend onderzoek\"\nregel twee, ünïcödé 😀", null);
		audit.anchor();
	}

	@AfterEach
	void dropSchema() throws Exception {
		try (Connection connection = DriverManager.getConnection(RequiresPostgres.URL, RequiresPostgres.USER, "")) {
			connection.createStatement().execute("DROP SCHEMA IF EXISTS \"" + schema + "\" CASCADE");
		}
	}

	@Test
	void theChainVerifiesOnPostgresql() {
		Verification verification = audit.verify();
		assertThat(verification.valid()).isTrue();
		assertThat(verification.events()).isEqualTo(7);
		assertThat(verification.anchors().confirmed()).isEqualTo(1);
	}

	@Test
	void theTableRefusesUpdatesDeletesAndTruncation() {
		assertThatThrownBy(() -> audit.jdbc.sql("UPDATE audit_event SET actor = 'x' WHERE seq = 2").update())
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> audit.jdbc.sql("DELETE FROM audit_event WHERE seq = 7").update())
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> audit.jdbc.sql("TRUNCATE audit_event").update()).hasMessageContaining("append-only");
		assertThat(audit.verify().valid()).isTrue();
	}

	@Test
	void anOwnerWhoDropsTheGuardAndCutsTheNewestEventsIsFoundByTheAnchor() {
		audit.jdbc.sql("ALTER TABLE audit_event DISABLE TRIGGER USER").update();
		audit.deleteNewestAndRewindHead(2);
		Verification verification = audit.verify();
		assertThat(verification).extracting(Verification::firstBroken, Verification::problem)
			.containsExactly(6L, Problem.REMOVED_AFTER_ANCHOR);
		assertThat(verification.anchors().problems()).singleElement()
			.satisfies(problem -> assertThat(problem.fault()).isEqualTo(AnchorFault.BEYOND_END));
	}

}
