package nl.postbrug.batches.schedule;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.DatabaseMetaData;
import java.util.Locale;
import java.util.Properties;

import javax.sql.DataSource;

import nl.postbrug.batches.BatchSettings;

import org.springframework.boot.quartz.autoconfigure.SchedulerFactoryBeanCustomizer;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;

/**
 * Applies {@code scheduler-config/quartz.properties} to the scheduler Spring Boot builds
 * on the application's database, and picks the Quartz SQL dialect for that database
 * (PostgreSQL stores job data as BYTEA and needs its own delegate). On PostgreSQL, the
 * production database, Quartz runs clustered so that several nodes can serve; the
 * embedded H2 database has one node only.
 */
@Component
class QuartzSettings implements SchedulerFactoryBeanCustomizer {

	private final BatchSettings settings;

	private final DataSource dataSource;

	QuartzSettings(BatchSettings settings, DataSource dataSource) {
		this.settings = settings;
		this.dataSource = dataSource;
	}

	@Override
	public void customize(org.springframework.scheduling.quartz.SchedulerFactoryBean factory) {
		Properties properties = new Properties();
		if (settings.quartzFile() != null && Files.isReadable(settings.quartzFile())) {
			try (Reader reader = Files.newBufferedReader(settings.quartzFile(), StandardCharsets.UTF_8)) {
				properties.load(reader);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot read Quartz settings " + settings.quartzFile(), ex);
			}
		}
		boolean postgres = postgres();
		properties.setProperty("org.quartz.jobStore.driverDelegateClass", postgres
				? "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate" : "org.quartz.impl.jdbcjobstore.StdJDBCDelegate");
		if (postgres) {
			// Several nodes may share the database: one of them fires each trigger, and a
			// node that stops
			// checking in has its running jobs (requestRecovery) run again by another.
			properties.setProperty("org.quartz.jobStore.isClustered", "true");
			properties.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
			properties.putIfAbsent("org.quartz.jobStore.clusterCheckinInterval", "5000");
		}
		factory.setQuartzProperties(properties);
	}

	private boolean postgres() {
		try {
			String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
			return product.toLowerCase(Locale.ROOT).contains("postgres");
		}
		catch (MetaDataAccessException ex) {
			throw new IllegalStateException("Cannot tell which database Quartz runs on", ex);
		}
	}

}
