package nl.postbrug.registry.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Slows password guessing, per account and per network address: after
 * {@code postbrug.security.max-failed-logins} wrong passwords for one account, or
 * {@code postbrug.security.max-failed-logins-per-address} from one address, within the
 * lock period, sign-in is refused until the period has passed, even with the right
 * password ({@code 0} per address switches that count off: staff behind one proxy share
 * an address). Failures are kept in the database, so the count holds across nodes and
 * restarts; a right password clears its account's count.
 */
@Component
class LoginThrottle {

	private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

	private final JdbcClient jdbc;

	private final int maxPerAccount;

	private final int maxPerAddress;

	private final Duration lockPeriod;

	private final Clock clock;

	LoginThrottle(JdbcClient jdbc, @Value("${postbrug.security.max-failed-logins:5}") int maxPerAccount,
			@Value("${postbrug.security.max-failed-logins-per-address:100}") int maxPerAddress,
			@Value("${postbrug.security.login-lock-period:15m}") Duration lockPeriod, Clock clock) {
		this.jdbc = jdbc;
		this.maxPerAccount = maxPerAccount;
		this.maxPerAddress = maxPerAddress;
		this.lockPeriod = lockPeriod;
		this.clock = clock;
	}

	/**
	 * Refuses a sign-in for the account from the current request's address while locked.
	 */
	void check(String username) {
		check(username, currentAddress());
	}

	void check(String username, String address) {
		Instant horizon = clock.instant().minus(lockPeriod);
		if (failures("account", key(username), horizon) >= maxPerAccount
				|| maxPerAddress > 0 && failures("address", address, horizon) >= maxPerAddress) {
			throw new LockedException("Too many failed sign-ins; try again later");
		}
	}

	@EventListener
	void on(AuthenticationFailureBadCredentialsEvent failure) {
		String address = failure.getAuthentication().getDetails() instanceof WebAuthenticationDetails details
				&& details.getRemoteAddress() != null ? details.getRemoteAddress() : currentAddress();
		failed(failure.getAuthentication().getName(), address);
	}

	void failed(String username, String address) {
		Instant now = clock.instant();
		String account = key(username);
		jdbc.sql("DELETE FROM login_failure WHERE failed_at < ?")
			.param(now.minus(lockPeriod).atOffset(ZoneOffset.UTC))
			.update();
		jdbc.sql("INSERT INTO login_failure (account, address, failed_at) VALUES (?, ?, ?)")
			.params(account, clip(address), now.atOffset(ZoneOffset.UTC))
			.update();
		if (failures("account", account, now.minus(lockPeriod)) == maxPerAccount) {
			log.warn("Sign-in for '{}' locked for {} after {} wrong passwords", account, lockPeriod, maxPerAccount);
		}
	}

	/**
	 * A right password clears the count, unless the account also needs its code: then
	 * only the right code does ({@link #succeeded}), or a guesser who knows the password
	 * could try codes forever.
	 */
	@EventListener
	void on(AuthenticationSuccessEvent success) {
		String account = key(success.getAuthentication().getName());
		boolean codeToCome = jdbc
			.sql("SELECT COUNT(*) FROM staff_second_factor WHERE username = ? AND confirmed_at IS NOT NULL")
			.param(account)
			.query(Long.class)
			.single() > 0;
		if (!codeToCome) {
			succeeded(account);
		}
	}

	void succeeded(String username) {
		jdbc.sql("DELETE FROM login_failure WHERE account = ?").param(key(username)).update();
	}

	private long failures(String column, String value, Instant horizon) {
		return jdbc.sql("SELECT COUNT(*) FROM login_failure WHERE " + column + " = ? AND failed_at >= ?")
			.params(column.equals("address") ? clip(value) : value, horizon.atOffset(ZoneOffset.UTC))
			.query(Long.class)
			.single();
	}

	private static String currentAddress() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			return request.getRemoteAddr();
		}
		return "";
	}

	private static String clip(String address) {
		String value = address == null ? "" : address;
		return value.length() > 64 ? value.substring(0, 64) : value;
	}

	private static String key(String username) {
		String value = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
		return value.length() > 320 ? value.substring(0, 320) : value;
	}

}
