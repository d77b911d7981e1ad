package nl.postbrug.registry.security;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;

import nl.postbrug.registry.SignedOutEverywhere;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The moment before which an account's page sessions no longer count. Kept in the
 * database, so that signing out everywhere reaches the sessions every node holds.
 */
@Component
class SessionCutoff {

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	SessionCutoff(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	Instant signOutEverywhere(String username) {
		String account = key(username);
		Instant now = clock.instant();
		jdbc.sql("DELETE FROM session_cutoff WHERE account = ?").param(account).update();
		jdbc.sql("INSERT INTO session_cutoff (account, signed_out_at) VALUES (?, ?)")
			.params(account, now.atOffset(ZoneOffset.UTC))
			.update();
		events.publishEvent(new SignedOutEverywhere(account, now));
		return now;
	}

	Instant now() {
		return clock.instant();
	}

	Optional<Instant> of(String username) {
		return jdbc.sql("SELECT signed_out_at FROM session_cutoff WHERE account = ?")
			.param(key(username))
			.query(OffsetDateTime.class)
			.optional()
			.map(OffsetDateTime::toInstant);
	}

	private static String key(String username) {
		return username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
	}

}
