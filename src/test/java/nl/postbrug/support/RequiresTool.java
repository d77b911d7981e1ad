package nl.postbrug.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Runs the test only when a system tool is on {@code PATH}; otherwise it skips, or fails
 * in CI, naming the tool and its Debian package ({@link Peers}).
 */
@Target({ ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Repeatable(RequiresTool.All.class)
@ExtendWith(RequiresTool.Condition.class)
public @interface RequiresTool {

	/** The executable's name, e.g. {@code zbarimg}. */
	String value();

	/** The Debian package that installs it, e.g. {@code zbar-tools}. */
	String debianPackage();

	@Target({ ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE })
	@Retention(RetentionPolicy.RUNTIME)
	@Documented
	@ExtendWith(RequiresTool.Condition.class)
	@interface All {

		RequiresTool[] value();

	}

	class Condition implements ExecutionCondition {

		@Override
		public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
			var required = context.getElement()
				.map(element -> AnnotationSupport.findRepeatableAnnotations(element, RequiresTool.class))
				.orElse(java.util.List.of());
			for (RequiresTool tool : required) {
				if (Peers.onPath(tool.value()).isEmpty()) {
					return Peers.missing(context, tool.value(), "not on PATH",
							"apt-get install " + tool.debianPackage());
				}
			}
			return ConditionEvaluationResult.enabled("found on PATH: "
					+ required.stream().map(RequiresTool::value).collect(java.util.stream.Collectors.joining(", ")));
		}

	}

}
