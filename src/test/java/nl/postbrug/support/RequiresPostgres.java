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
 * 127.0.0.1:5432 (database {@code test}, user {@code postgres}); otherwise it is skipped
 * with the reason.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiresPostgres.Condition.class)
public @interface RequiresPostgres {

	String URL = "jdbc:postgresql://127.0.0.1:5432/test";

	String USER = "postgres";

	class Condition implements ExecutionCondition {

		@Override
		public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
			try (Connection connection = DriverManager.getConnection(URL + "?connectTimeout=3", USER, "")) {
				return ConditionEvaluationResult.enabled("PostgreSQL answers at " + URL);
			}
			catch (SQLException ex) {
				String reason = "SKIPPED: no PostgreSQL server at " + URL + " (" + ex.getMessage()
						+ "); start one to run the PostgreSQL tests";
				System.err.println(context.getDisplayName() + " " + reason);
				return ConditionEvaluationResult.disabled(reason);
			}
		}

	}

}
