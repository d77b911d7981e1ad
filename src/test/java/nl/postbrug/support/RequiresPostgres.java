package nl.postbrug.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs the test only when the PostgreSQL server of these machines answers on
 * 127.0.0.1:5432 (database {@code test}, user {@code postgres}, trust authentication);
 * otherwise it skips with the reason, or fails in CI ({@link Peers}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiresPostgres.Condition.class)
public @interface RequiresPostgres {

	String URL = "jdbc:postgresql://127.0.0.1:5432/test";

	String USER = "postgres";

	class Condition implements ExecutionCondition {

		/**
		 * Asked once per test run: every test class and method evaluates the condition.
		 */
		private static volatile String unreachable;

		private static volatile boolean asked;

		@Override
		public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
			if (!asked) {
				unreachable = connect();
				asked = true;
			}
			if (unreachable == null) {
				return ConditionEvaluationResult.enabled("PostgreSQL answers at " + URL);
			}
			return Peers.missing(context, "PostgreSQL server at " + URL, unreachable,
					"apt-get install postgresql, start its cluster and allow user " + USER
							+ " on 127.0.0.1 with trust authentication and a database 'test' (.ci/run does all this)");
		}

		private static String connect() {
			try (Connection connection = DriverManager.getConnection(URL + "?connectTimeout=3", USER, "")) {
				return null;
			}
			catch (SQLException ex) {
				return ex.getMessage();
			}
		}

	}

}
