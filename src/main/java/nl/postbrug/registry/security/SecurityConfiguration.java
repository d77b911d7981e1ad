package nl.postbrug.registry.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Two doors: the API ({@code /api/**}) takes HTTP Basic on every request and answers with
 * problem details; the pages use a form login with a session and CSRF tokens. Which role
 * may do what is declared on each controller method ({@code @PreAuthorize}); facility
 * scope is checked in the modules against
 * {@link nl.postbrug.registry.PostbrugUser#canAct(long)}.
 */
@Configuration
@EnableMethodSecurity
class SecurityConfiguration {

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	/**
	 * HSTS only where the browser reached us over TLS: directly, or through the
	 * TLS-terminating proxy that says so. A forged header only pins the forger's own
	 * browser to HTTPS.
	 */
	static boolean overTls(jakarta.servlet.http.HttpServletRequest request) {
		return request.isSecure() || "https".equalsIgnoreCase(request.getHeader("X-Forwarded-Proto"));
	}

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, ProblemSecurityHandlers problems, ObjectProvider<SecondFactors> factors)
			throws Exception {
		return http.securityMatcher("/api/**")
			.addFilterAfter(new SecondFactorApiGuard(factors, problems),
					org.springframework.security.web.authentication.www.BasicAuthenticationFilter.class)
			.authorizeHttpRequests(requests -> requests
				// a relative without an account yet, or without their password
				.requestMatchers(HttpMethod.POST, "/api/v1/registrations", "/api/v1/registrations/verify",
						"/api/v1/password-resets", "/api/v1/password-resets/confirm")
				.permitAll()
				.anyRequest()
				.authenticated())
			.httpBasic(basic -> basic.authenticationEntryPoint(problems))
			.exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			// Basic credentials travel with every request and no cookie is set, so
			// there is no session for a forged cross-site request to ride on.
			.csrf(csrf -> csrf.disable())
			.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain pages(HttpSecurity http, ObjectProvider<SessionCutoff> cutoffs,
			ObjectProvider<SecondFactors> factors) throws Exception {
		SecondFactorGate gate = new SecondFactorGate(factors);
		return http
			.addFilterBefore(new SessionCutoffFilter(cutoffs),
					org.springframework.security.web.access.intercept.AuthorizationFilter.class)
			.addFilterBefore(gate, org.springframework.security.web.access.intercept.AuthorizationFilter.class)
			.authorizeHttpRequests(requests -> requests.requestMatchers("/actuator/health", "/actuator/health/**")
				.permitAll()
				// the API's OpenAPI document is public like the API's shape; its
				// browsable
				// UI is for staff
				.requestMatchers("/v3/api-docs", "/v3/api-docs/**")
				.permitAll()
				.requestMatchers("/swagger-ui.html", "/swagger-ui/**")
				.hasAnyRole("SCREENER", "POSTROOM", "FACILITY_ADMIN", "AUDITOR")
				.requestMatchers("/login", "/css/**", "/js/**", "/error", "/register", "/register/verify",
						"/password/forgot", "/password/reset")
				.permitAll()
				.anyRequest()
				.authenticated())
			.formLogin(form -> form.loginPage("/login").successHandler(gate).permitAll())
			.logout(logout -> logout.logoutSuccessUrl("/login?logout"))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
					"default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; frame-ancestors 'none'; form-action 'self'"))
				.frameOptions(frames -> frames.deny())
				.httpStrictTransportSecurity(hsts -> hsts.requestMatcher(SecurityConfiguration::overTls)
					.maxAgeInSeconds(31536000)
					.includeSubDomains(true)))
			.build();
	}

}
