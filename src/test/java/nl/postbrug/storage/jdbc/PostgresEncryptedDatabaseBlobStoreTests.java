package nl.postbrug.storage.jdbc;

import javax.sql.DataSource;

import nl.postbrug.support.PostgresSchema;
import nl.postbrug.support.RequiresPostgres;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link EncryptedDatabaseBlobStoreTests} on PostgreSQL (bytea), in a schema of its own.
 */
@RequiresPostgres
class PostgresEncryptedDatabaseBlobStoreTests extends EncryptedDatabaseBlobStoreTests {

	@RegisterExtension
	static final PostgresSchema schema = new PostgresSchema("postbrug_sealed_blobs");

	@Override
	DataSource dataSource() {
		return schema.dataSource();
	}

}
