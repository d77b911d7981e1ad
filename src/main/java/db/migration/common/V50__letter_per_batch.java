package db.migration.common;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * A message may have a letter in more than one batch: a letter forwarded to the facility
 * its prisoner moved to is printed there as a new letter of the same message. The unique
 * key on {@code letter.message_id} goes; H2 and PostgreSQL named it differently when it
 * was created without a name, so the names are looked up rather than written here.
 */
public class V50__letter_per_batch extends BaseJavaMigration {

	@Override
	public void migrate(Context context) throws SQLException {
		Connection connection = context.getConnection();
		List<String> names = new ArrayList<>();
		List<String> foreignKeys = new ArrayList<>();
		try (PreparedStatement query = connection.prepareStatement("""
				SELECT tc.constraint_name, tc.constraint_type FROM information_schema.table_constraints tc
				JOIN information_schema.key_column_usage k
				  ON k.constraint_name = tc.constraint_name AND k.table_schema = tc.table_schema
				WHERE LOWER(tc.table_name) = 'letter' AND tc.constraint_type IN ('UNIQUE', 'FOREIGN KEY')
				  AND LOWER(k.column_name) = 'message_id' AND LOWER(tc.table_schema) = LOWER(CURRENT_SCHEMA)
				"""); ResultSet rs = query.executeQuery()) {
			while (rs.next()) {
				(rs.getString(2).startsWith("FOREIGN") ? foreignKeys : names).add(rs.getString(1));
			}
		}
		try (Statement statement = connection.createStatement()) {
			// H2 keeps the unique index while a foreign key uses it: the key goes too and
			// comes back on the plain index.
			for (String name : foreignKeys) {
				statement.execute("ALTER TABLE letter DROP CONSTRAINT \"" + name.replace("\"", "") + "\"");
			}
			for (String name : names) {
				statement.execute("ALTER TABLE letter DROP CONSTRAINT \"" + name.replace("\"", "") + "\"");
			}
			statement.execute("CREATE INDEX ix_letter_message ON letter (message_id)");
			statement.execute(
					"ALTER TABLE letter ADD CONSTRAINT fk_letter_message FOREIGN KEY (message_id) REFERENCES message (id)");
		}
	}

}
