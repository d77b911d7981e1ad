package nl.postbrug.batches;

import javax.sql.DataSource;

import nl.postbrug.support.PostgresSchema;
import nl.postbrug.support.RequiresPostgres;

import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link BatchClaimTests} on PostgreSQL, in a schema of its own. */
@RequiresPostgres
class PostgresBatchClaimTests extends BatchClaimTests {

	@RegisterExtension
	static final PostgresSchema schema = new PostgresSchema("postbrug_claims");

	@Override
	DataSource dataSource() {
		return schema.dataSource();
	}

}
