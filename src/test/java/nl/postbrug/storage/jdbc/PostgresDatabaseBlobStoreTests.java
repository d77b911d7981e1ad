package nl.postbrug.storage.jdbc;

import javax.sql.DataSource;

import nl.postbrug.support.PostgresSchema;
import nl.postbrug.support.RequiresPostgres;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link DatabaseBlobStoreTests} on PostgreSQL (bytea), in a schema of its own. */
@RequiresPostgres
class PostgresDatabaseBlobStoreTests extends DatabaseBlobStoreTests {

	@RegisterExtension
	static final PostgresSchema schema = new PostgresSchema("postbrug_blobs");

	@Override
	DataSource dataSource() {
		return schema.dataSource();
	}

}
