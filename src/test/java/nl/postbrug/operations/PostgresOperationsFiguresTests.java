package nl.postbrug.operations;

import javax.sql.DataSource;

import nl.postbrug.support.PostgresSchema;
import nl.postbrug.support.RequiresPostgres;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link OperationsFiguresTests} on PostgreSQL, in a schema of its own. */
@RequiresPostgres
class PostgresOperationsFiguresTests extends OperationsFiguresTests {

	@RegisterExtension
	static final PostgresSchema schema = new PostgresSchema("postbrug_ops");

	@Override
	DataSource dataSource() {
		return schema.dataSource();
	}

}
