package nl.postbrug.registry.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing: after {@code postbrug.security.max-failed-logins} wrong
 * passwords for one account within the lock period, that account cannot sign in until the
 * period has passed, even with the right password. Kept in memory: a restart forgives,
 * which is acceptable for a speed bump.
 */
@Component
class LoginThrottle {

	private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

	private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

	private final int maxFailures;

	private final Duration lockPeriod;

	private final Clock clock;

	LoginThrottle(@Value("${postbrug.security.max-failed-logins:5}") int maxFailures,
			@Value("${postbrug.security.login-lock-period:15m}") Duration lockPeriod, Clock clock) {
		this.maxFailures = maxFailures;
		this.lockPeriod = lockPeriod;
		this.clock = clock;
	}

	void check(String username) {
		Deque<Instant> recent = failures.get(key(username));
		if (recent == null) {
			return;
		}
		synchronized (recent) {
			forgetOld(recent);
			if (recent.size() >= maxFailures) {
				throw new LockedException("Too many failed sign-ins; try again later");
			}
		}
	}

	@EventListener
	void on(AuthenticationFailureBadCredentialsEvent failure) {
		String username = key(failure.getAuthentication().getName());
		Deque<Instant> recent = failures.computeIfAbsent(username, name -> new ArrayDeque<>());
		synchronized (recent) {
			forgetOld(recent);
			recent.addLast(clock.instant());
			if (recent.size() == maxFailures) {
				log.warn("Sign-in for '{}' locked for {} after {} wrong passwords", username, lockPeriod, maxFailures);
			}
		}
	}

	@EventListener
	void on(AuthenticationSuccessEvent success) {
		failures.remove(key(success.getAuthentication().getName()));
	}

	private void forgetOld(Deque<Instant> recent) {
		Instant horizon = clock.instant().minus(lockPeriod);
		while (!recent.isEmpty() && recent.peekFirst().isBefore(horizon)) {
			recent.removeFirst();
		}
	}

	private static String key(String username) {
		return username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
	}

}
