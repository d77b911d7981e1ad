package nl.postbrug.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs the test only when {@code ippeveprinter} (Debian package cups-ipp-utils) and
 * {@code dbus-daemon} (package dbus) are on {@code PATH}; otherwise it skips with the
 * reason, or fails in CI ({@link Peers}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@RequiresTool(value = "ippeveprinter", debianPackage = "cups-ipp-utils")
@RequiresTool(value = "dbus-daemon", debianPackage = "dbus")
public @interface RequiresIppEvePrinter {

}
