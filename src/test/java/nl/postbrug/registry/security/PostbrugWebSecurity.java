package nl.postbrug.registry.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import nl.postbrug.registry.web.Navigation;

import org.springframework.context.annotation.Import;

/**
 * For a {@code @WebMvcTest}: the application's own security (both filter chains, method
 * security, the problem-details answers for 401 and 403) and the page header's
 * navigation, so a controller is tested behind the same doors as in production. Users are
 * given per request ({@code with(user(...))}, see {@link nl.postbrug.support.Users}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Import({ SecurityConfiguration.class, ProblemSecurityHandlers.class, Navigation.class })
public @interface PostbrugWebSecurity {

}
