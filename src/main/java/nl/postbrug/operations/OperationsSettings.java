package nl.postbrug.operations;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The operations page and metrics ({@code postbrug.operations.*}).
 *
 * @param chartDays how many days the page's charts cover
 * @param metricsRefresh how often the figures behind the {@code postbrug_*} gauges are
 * read from the database
 * @param startUpTimeout the longest readiness waits for missed batch slots to be made up
 * @param prometheusOpen {@code /actuator/prometheus} without a login (for a scraper on a
 * closed network); otherwise it needs the MONITORING or FACILITY_ADMIN role
 */
@ConfigurationProperties("postbrug.operations")
public record OperationsSettings(@DefaultValue("30") int chartDays, @DefaultValue("30s") Duration metricsRefresh,
		@DefaultValue("30m") Duration startUpTimeout, @DefaultValue("false") boolean prometheusOpen) {
}
