package nl.postbrug.operations;

import nl.postbrug.registry.Role;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * {@code /actuator/prometheus} for a monitoring server: HTTP Basic as a staff account
 * with the MONITORING role (or FACILITY_ADMIN), stateless; or open when
 * {@code postbrug.operations.prometheus-open} says the scraper sits on a closed network.
 */
@Configuration(proxyBeanMethods = false)
class MetricsSecurity {

	@Bean
	@Order(0)
	SecurityFilterChain metrics(HttpSecurity http, OperationsSettings settings) throws Exception {
		return http.securityMatcher("/actuator/prometheus").authorizeHttpRequests(requests -> {
			if (settings.prometheusOpen()) {
				requests.anyRequest().permitAll();
			}
			else {
				requests.anyRequest().hasAnyRole(Role.MONITORING.name(), Role.FACILITY_ADMIN.name());
			}
		}).httpBasic(basic -> {
		})
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			// read only, and Basic credentials travel with each request: no session to
			// ride
			.csrf(csrf -> csrf.disable())
			.build();
	}

}
