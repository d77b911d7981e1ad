package nl.postbrug;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import nl.postbrug.intake.MessageIntake;
import nl.postbrug.intake.MessageStatus;
import nl.postbrug.intake.Messages;
import nl.postbrug.registry.PostbrugUser;
import nl.postbrug.registry.Registry;
import nl.postbrug.support.DataDirs;

import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The application is stopped and started again on the same data directory, as after a
 * crash or a deployment: work handed from one stage to the next is not lost, and a missed
 * batch slot is made up.
 */
class RestartTests {

	/**
	 * An executor that never runs what it is given: the process "dies" before screening
	 * starts.
	 */
	@Configuration(proxyBeanMethods = false)
	static class ScreeningNeverRuns {

		@Bean
		TaskExecutor taskExecutor() {
			return task -> {
			};
		}

	}

	@Test
	void aMessageReceivedBeforeACrashIsScreenedAfterTheRestart() {
		String dataDir = DataDirs.fresh("restart");
		UUID id;
		try (ConfigurableApplicationContext first = start(dataDir, ScreeningNeverRuns.class)) {
			PostbrugUser anna = (PostbrugUser) first
				.getBean(org.springframework.security.core.userdetails.UserDetailsService.class)
				.loadUserByUsername("anna@example.org");
			id = first.getBean(MessageIntake.class).submit(anna, "1000000001", "Tot morgen!", List.of(), null).id();
			assertThat(first.getBean(Messages.class).get(id).status()).isEqualTo(MessageStatus.RECEIVED);
			long pending = first.getBean(JdbcClient.class)
				.sql("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL")
				.query(Long.class)
				.single();
			assertThat(pending).isPositive();
		}
		try (ConfigurableApplicationContext second = start(dataDir)) {
			Messages messages = second.getBean(Messages.class);
			await().atMost(Duration.ofSeconds(30)).until(() -> messages.get(id).status() == MessageStatus.APPROVED);
			assertThat(messages.history(id)).extracting(change -> change.status())
				.containsExactly(MessageStatus.RECEIVED, MessageStatus.SCREENING, MessageStatus.APPROVED);
		}
	}

	@Test
	void aBatchSlotMissedWhileTheServiceWasDownIsMadeUpAtStartUp() {
		String dataDir = DataDirs.fresh("missed");
		try (ConfigurableApplicationContext first = start(dataDir)) {
			JdbcClient jdbc = first.getBean(JdbcClient.class);
			await()
				.until(() -> jdbc.sql("SELECT COUNT(*) FROM qrtz_triggers WHERE trigger_name IN ('PIA', 'PIV', 'PIZ')")
					.query(Long.class)
					.single() == 3);
		}
		// While the service is down, PIA's next slot passes.
		long missed = Instant.now().minus(Duration.ofMinutes(30)).toEpochMilli();
		try (ConfigurableApplicationContext offline = start(dataDir, "--spring.quartz.auto-startup=false")) {
			offline.getBean(JdbcClient.class)
				.sql("UPDATE qrtz_triggers SET next_fire_time = ? WHERE trigger_name = 'PIA'")
				.param(missed)
				.update();
		}
		try (ConfigurableApplicationContext second = start(dataDir)) {
			JdbcClient jdbc = second.getBean(JdbcClient.class);
			long pia = second.getBean(Registry.class).facility("PIA").orElseThrow().id();
			await().atMost(Duration.ofSeconds(30))
				.until(() -> jdbc.sql("SELECT COUNT(*) FROM batch WHERE facility_id = ? AND slot LIKE 'scheduled-%'")
					.param(pia)
					.query(Long.class)
					.single() == 1);
			long next = jdbc.sql("SELECT next_fire_time FROM qrtz_triggers WHERE trigger_name = 'PIA'")
				.query(Long.class)
				.single();
			assertThat(next).isGreaterThan(System.currentTimeMillis());
			// Made up once: written once and printed once, though start-up recovery ran
			// alongside.
			await().until(() -> jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE type = 'BATCH_PRINTED'")
				.query(Long.class)
				.single() == 1);
			assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE type = 'BATCH_ASSEMBLED'")
				.query(Long.class)
				.single()).isEqualTo(1);
		}
	}

	private static ConfigurableApplicationContext start(String dataDir, Class<?> extra, String... args) {
		return builder(extra).run(arguments(dataDir, args));
	}

	private static ConfigurableApplicationContext start(String dataDir, String... args) {
		return builder(null).run(arguments(dataDir, args));
	}

	private static SpringApplicationBuilder builder(Class<?> extra) {
		SpringApplicationBuilder builder = extra == null ? new SpringApplicationBuilder(PostbrugApplication.class)
				: new SpringApplicationBuilder(PostbrugApplication.class, extra);
		return builder.profiles("demo");
	}

	/**
	 * Command-line arguments outrank application.yml, so the data directory really is
	 * this test's own.
	 */
	private static String[] arguments(String dataDir, String... more) {
		return java.util.stream.Stream
			.concat(java.util.stream.Stream.of("--postbrug.data-dir=" + dataDir, "--server.port=0",
					"--spring.main.allow-bean-definition-overriding=true"), java.util.Arrays.stream(more))
			.toArray(String[]::new);
	}

}
