package nl.postbrug.registry.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import nl.postbrug.support.ApiTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.LockedException;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The sign-in throttle on the real database, as two nodes that share it: a guesser who
 * spreads attempts over both is locked out as quickly as on one.
 */
class LoginThrottleTests extends ApiTestSupport {

	private final MovableClock clock = new MovableClock();

	private LoginThrottle nodeA;

	private LoginThrottle nodeB;

	@BeforeEach
	void twoNodes() {
		jdbc.sql("DELETE FROM login_failure").update();
		nodeA = new LoginThrottle(jdbc, 3, 5, Duration.ofMinutes(15), clock);
		nodeB = new LoginThrottle(jdbc, 3, 5, Duration.ofMinutes(15), clock);
	}

	@Test
	void failuresOnOneNodeLockTheAccountOnTheOther() {
		nodeA.failed("Screener", "10.0.0.1");
		nodeB.failed("screener", "10.0.0.2");
		assertThatCode(() -> nodeA.check("screener", "10.0.0.3")).doesNotThrowAnyException();
		nodeA.failed("screener ", "10.0.0.3");
		assertThatThrownBy(() -> nodeB.check("SCREENER", "10.0.0.9")).isInstanceOf(LockedException.class);
		assertThatCode(() -> nodeB.check("auditor", "10.0.0.9")).doesNotThrowAnyException();
	}

	@Test
	void oneAddressTryingManyAccountsIsLockedForAll() {
		for (int i = 0; i < 5; i++) {
			(i % 2 == 0 ? nodeA : nodeB).failed("guess" + i, "192.0.2.7");
		}
		assertThatThrownBy(() -> nodeA.check("admin", "192.0.2.7")).isInstanceOf(LockedException.class);
		assertThatCode(() -> nodeA.check("admin", "192.0.2.8")).doesNotThrowAnyException();
	}

	@Test
	void theLockEndsWhenThePeriodHasPassed() {
		for (int i = 0; i < 3; i++) {
			nodeA.failed("postroom", "10.0.0.1");
		}
		assertThatThrownBy(() -> nodeB.check("postroom", "10.0.0.1")).isInstanceOf(LockedException.class);
		clock.advance(Duration.ofMinutes(16));
		assertThatCode(() -> nodeB.check("postroom", "10.0.0.1")).doesNotThrowAnyException();
	}

	@Test
	void anAddressLimitOfZeroCountsAccountsOnly() {
		LoginThrottle accountsOnly = new LoginThrottle(jdbc, 3, 0, Duration.ofMinutes(15), clock);
		for (int i = 0; i < 10; i++) {
			accountsOnly.failed("guess" + i, "192.0.2.7");
		}
		assertThatCode(() -> accountsOnly.check("admin", "192.0.2.7")).doesNotThrowAnyException();
	}

	static final class MovableClock extends Clock {

		private Instant now = Instant.parse("2026-12-01T09:00:00Z");

		void advance(Duration duration) {
			now = now.plus(duration);
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return now;
		}

	}

}
