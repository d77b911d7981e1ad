package nl.postbrug.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs the test only when Debian's Chromium and its chromedriver are on {@code PATH}
 * (packages chromium and chromium-driver); otherwise it skips with the reason, or fails
 * in CI ({@link Peers}). See {@link Browser}.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@RequiresTool(value = "chromium", debianPackage = "chromium")
@RequiresTool(value = "chromedriver", debianPackage = "chromium-driver")
public @interface RequiresBrowser {

}
