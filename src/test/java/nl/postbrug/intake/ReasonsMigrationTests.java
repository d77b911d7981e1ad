package nl.postbrug.intake;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import nl.postbrug.support.RequiresPostgres;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Migration V22 keeps what was written before reasons were codes: English reasons and
 * history become the {@code legacy} code with the words as its value, the failed verdicts
 * one value each. On H2 and on PostgreSQL.
 */
class ReasonsMigrationTests {

	@Test
	void earlierWordsAreKeptOnH2() {
		DataSource h2 = new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa",
				"");
		migrateAcrossV22(h2, "classpath:db/migration/h2", null);
	}

	@Nested
	@RequiresPostgres
	class OnPostgres {

		@Test
		void earlierWordsAreKeptOnPostgres() {
			String schema = "reasons_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
			DataSource postgres = new DriverManagerDataSource(RequiresPostgres.URL + "?currentSchema=" + schema,
					RequiresPostgres.USER, "");
			try {
				migrateAcrossV22(postgres, "classpath:db/migration/postgresql", schema);
			}
			finally {
				JdbcClient.create(postgres).sql("DROP SCHEMA " + schema + " CASCADE").update();
			}
		}

	}

	private static void migrateAcrossV22(DataSource dataSource, String vendor, String schema) {
		var before = Flyway.configure()
			.dataSource(dataSource)
			.locations("classpath:db/migration/common", vendor)
			.target("21");
		if (schema != null) {
			before.schemas(schema).createSchemas(true);
		}
		before.load().migrate();
		JdbcClient jdbc = JdbcClient.create(dataSource);
		String id = UUID.randomUUID().toString();
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		jdbc.sql("""
				INSERT INTO message (id, channel, sender_email, body, status, reason, received_at, updated_at, version,
				  intake_refusal, no_reply, auth_failure)
				VALUES (?, 'IMAP', 'anna@example.org', '', 'REJECTED', 'The mail has more than 100 parts', ?, ?, 0,
				  'The mail has more than 100 parts', 'an automatic reply', 'spf=fail, dmarc=fail')
				""").params(id, now, now).update();
		jdbc.sql("INSERT INTO message_status_change (message_id, at, status, detail) VALUES (?, ?, 'RECEIVED', ?)")
			.params(id, now, "Received by email; not taken: attachment 'a.pdf'")
			.update();

		var after = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/common", vendor);
		if (schema != null) {
			after.schemas(schema);
		}
		after.load().migrate();

		assertThat(jdbc.sql("SELECT reason_code, reason_args FROM message WHERE id = ?")
			.param(id)
			.query((rs, n) -> ReasonColumns.read(rs.getString(1), rs.getString(2)))
			.single()).isEqualTo(IntakeReason.LEGACY.with("The mail has more than 100 parts"));
		assertThat(jdbc.sql("SELECT detail_code, detail_args FROM message_status_change WHERE message_id = ?")
			.param(id)
			.query((rs, n) -> ReasonColumns.read(rs.getString(1), rs.getString(2)))
			.single()).isEqualTo(IntakeReason.LEGACY.with("Received by email; not taken: attachment 'a.pdf'"));
		assertThat(jdbc.sql("SELECT refusal_code, no_reply_args, auth_failures FROM message WHERE id = ?")
			.param(id)
			.query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3)))
			.single())
			.containsExactly("legacy", "an automatic reply", "spf=fail" + ReasonColumns.SEPARATOR + "dmarc=fail");
		assertThat(ReasonColumns
			.list(jdbc.sql("SELECT auth_failures FROM message WHERE id = ?").param(id).query(String.class).single()))
			.containsExactly("spf=fail", "dmarc=fail");
	}

}
