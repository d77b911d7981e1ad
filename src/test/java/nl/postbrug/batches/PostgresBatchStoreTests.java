package nl.postbrug.batches;

import javax.sql.DataSource;

import nl.postbrug.support.PostgresSchema;
import nl.postbrug.support.RequiresPostgres;

import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link BatchStoreTests} on PostgreSQL, in a schema of its own. */
@RequiresPostgres
class PostgresBatchStoreTests extends BatchStoreTests {

	@RegisterExtension
	static final PostgresSchema schema = new PostgresSchema("postbrug_batches");

	@Override
	DataSource dataSource() {
		return schema.dataSource();
	}

}
