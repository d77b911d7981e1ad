package nl.postbrug.registry.security;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.OptionalLong;

import nl.postbrug.storage.Sealed;
import nl.postbrug.registry.PostbrugUser;
import nl.postbrug.registry.Role;
import nl.postbrug.registry.SecondFactorChanged;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff second factors: enrolment (a new secret, confirmed by a first code) and the code
 * at sign-in. Required for facility administrators and auditors when
 * {@code postbrug.security.second-factor} is on, and for every member of staff who
 * enrolled. A wrong or replayed code counts as a failed sign-in for the account and the
 * address ({@link LoginThrottle}), so guessing codes locks the account like guessing
 * passwords. Relatives have no second factor.
 */
@Component
class SecondFactors {

	/** What the account needs before its session may be used. */
	enum Need {

		NONE, CODE, ENROLMENT

	}

	/** A secret being enrolled, as the page shows it: text and an otpauth:// URI. */
	record Enrolment(String secret, String uri) {
	}

	private final JdbcClient jdbc;

	private final SecondFactorSecrets secrets;

	private final LoginThrottle throttle;

	private final ApplicationEventPublisher events;

	private final boolean requiredForAdministrators;

	private final String issuer;

	private final Clock clock;

	SecondFactors(JdbcClient jdbc, SecondFactorSecrets secrets, LoginThrottle throttle,
			ApplicationEventPublisher events, @Value("${postbrug.security.second-factor:false}") boolean required,
			@Value("${postbrug.security.second-factor-issuer:Postbrug}") String issuer, Clock clock) {
		this.jdbc = jdbc;
		this.secrets = secrets;
		this.throttle = throttle;
		this.events = events;
		this.requiredForAdministrators = required;
		this.issuer = issuer;
		this.clock = clock;
	}

	Need need(PostbrugUser user) {
		if (user.isRelative()) {
			return Need.NONE;
		}
		if (enrolled(user.getUsername())) {
			return Need.CODE;
		}
		boolean mustHaveOne = requiredForAdministrators && (user.has(Role.FACILITY_ADMIN) || user.has(Role.AUDITOR));
		return mustHaveOne ? Need.ENROLMENT : Need.NONE;
	}

	boolean enrolled(String username) {
		return jdbc.sql("SELECT COUNT(*) FROM staff_second_factor WHERE username = ? AND confirmed_at IS NOT NULL")
			.param(username)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * The secret waiting for its first code, made now if there is none; empty once the
	 * account is enrolled (a secret is shown only while it is being enrolled).
	 */
	@Transactional
	Optional<Enrolment> enrolment(String username) {
		record Stored(String secret, String keyId, boolean confirmed) {
		}
		Optional<Stored> stored = jdbc
			.sql("SELECT secret, secret_key, confirmed_at IS NOT NULL FROM staff_second_factor WHERE username = ?")
			.param(username)
			.query((rs, n) -> new Stored(rs.getString(1), rs.getString(2), rs.getBoolean(3)))
			.optional();
		if (stored.isPresent() && stored.get().confirmed()) {
			return Optional.empty();
		}
		byte[] secret;
		if (stored.isPresent()) {
			secret = secrets.open(username, stored.get().secret(), stored.get().keyId());
		}
		else {
			secret = secrets.newSecret();
			Sealed<String> sealed = secrets.seal(username, secret);
			jdbc.sql(
					"INSERT INTO staff_second_factor (username, secret, secret_key, created_at, confirmed_at, last_step) VALUES (?, ?, ?, ?, NULL, 0)")
				.params(username, sealed.value(), sealed.keyId(), utc(now()))
				.update();
		}
		String text = Totp.base32(secret);
		String label = enc(issuer) + ":" + enc(username);
		return Optional.of(new Enrolment(text, "otpauth://totp/" + label + "?secret=" + text + "&issuer=" + enc(issuer)
				+ "&algorithm=SHA1&digits=" + Totp.DIGITS + "&period=" + Totp.STEP_SECONDS));
	}

	/** Confirms enrolment with the first code from the app; false for a wrong code. */
	@Transactional
	boolean confirm(String username, String code, String address) {
		boolean right = use(username, code, address, false);
		publish(username, right ? SecondFactorChanged.Kind.ENROLLED : SecondFactorChanged.Kind.FAILED);
		return right;
	}

	/** Checks the code at sign-in; false for a wrong or already used code. */
	@Transactional
	boolean verify(String username, String code, String address) {
		throttle.check(username, address);
		boolean right = use(username, code, address, true);
		if (right) {
			throttle.succeeded(username);
		}
		publish(username, right ? SecondFactorChanged.Kind.VERIFIED : SecondFactorChanged.Kind.FAILED);
		return right;
	}

	/**
	 * Takes the code's step if it is right and later than the last step used: a
	 * compare-and-set, so two nodes cannot both accept one code.
	 */
	private boolean use(String username, String code, String address, boolean confirmed) {
		record Stored(String secret, String keyId, long lastStep) {
		}
		Optional<Stored> stored = jdbc
			.sql("SELECT secret, secret_key, last_step FROM staff_second_factor WHERE username = ? AND confirmed_at IS "
					+ (confirmed ? "NOT NULL" : "NULL"))
			.param(username)
			.query((rs, n) -> new Stored(rs.getString(1), rs.getString(2), rs.getLong(3)))
			.optional();
		OptionalLong step = stored.isEmpty() ? OptionalLong.empty()
				: Totp.match(secrets.open(username, stored.get().secret(), stored.get().keyId()), code, now(),
						stored.get().lastStep());
		boolean taken = step.isPresent() && jdbc.sql(
				"UPDATE staff_second_factor SET last_step = ?, confirmed_at = COALESCE(confirmed_at, ?) WHERE username = ? AND last_step < ?")
			.params(step.getAsLong(), utc(now()), username, step.getAsLong())
			.update() == 1;
		if (!taken) {
			throttle.failed(username, address);
		}
		return taken;
	}

	private void publish(String username, SecondFactorChanged.Kind kind) {
		events.publishEvent(new SecondFactorChanged(username, kind, now()));
	}

	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	private static OffsetDateTime utc(Instant at) {
		return at.atOffset(ZoneOffset.UTC);
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
