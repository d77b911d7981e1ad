package nl.postbrug.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs the test only when {@code ippeveprinter} (Debian package cups-ipp-utils) and
 * {@code dbus-daemon} are installed; otherwise it is skipped with the reason.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiresIppEvePrinter.Condition.class)
public @interface RequiresIppEvePrinter {

	class Condition implements ExecutionCondition {

		@Override
		public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
			String missing = IppEvePrinter.missingTools();
			if (missing == null) {
				return ConditionEvaluationResult.enabled("ippeveprinter and dbus-daemon are installed");
			}
			String reason = "SKIPPED: " + missing
					+ " not installed (apt-get install cups-ipp-utils dbus); the IPP printer tests need it";
			System.err.println(context.getDisplayName() + " " + reason);
			return ConditionEvaluationResult.disabled(reason);
		}

	}

}
