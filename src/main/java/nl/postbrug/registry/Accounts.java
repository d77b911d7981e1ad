package nl.postbrug.registry;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import nl.postbrug.Sha256;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Relatives' own accounts: registration with a code mailed to the address, and a password
 * reset the same way. Nothing here tells whether an address has an account: registering a
 * known address and asking a reset for an unknown one are answered like any other, and a
 * code that does not fit is refused the same way whatever the reason. A code is six
 * digits, valid for {@code postbrug.accounts.code-validity}, and void after
 * {@code postbrug.accounts.code-tries} wrong tries; a new one is mailed at most once per
 * {@code postbrug.accounts.code-interval}.
 */
@Service
@Transactional
public class Accounts {

	private static final Pattern EMAIL = Pattern
		.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~\\-]{1,64}@[A-Za-z0-9\\-]+(\\.[A-Za-z0-9\\-]+)+");

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final PasswordEncoder passwords;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final PasswordRules rules;

	private final Duration validity;

	private final int tries;

	private final Duration interval;

	Accounts(JdbcClient jdbc, PasswordEncoder passwords, ApplicationEventPublisher events, Clock clock,
			@Value("${postbrug.accounts.password-min-length:10}") int minLength,
			@Value("${postbrug.accounts.code-validity:30m}") Duration validity,
			@Value("${postbrug.accounts.code-tries:5}") int tries,
			@Value("${postbrug.accounts.code-interval:1m}") Duration interval) {
		this.jdbc = jdbc;
		this.passwords = passwords;
		this.events = events;
		this.clock = clock;
		this.rules = new PasswordRules(minLength);
		this.validity = validity;
		this.tries = tries;
		this.interval = interval;
	}

	/** The shortest password allowed. */
	public int passwordMinLength() {
		return rules.minLength();
	}

	/**
	 * Registers an address: a code to verify it is mailed, and the password is set once
	 * the code is given back. An address that has an account already gets a mail saying
	 * so instead; the caller cannot tell the difference.
	 * @throws AccountRefused when the email, name or password cannot be taken
	 */
	public void register(String email, String name, String password) {
		String address = email(email);
		String cleanName = name == null ? "" : name.strip();
		if (cleanName.isEmpty()) {
			throw new AccountRefused("name", "name-missing");
		}
		if (cleanName.length() > 200) {
			throw new AccountRefused("name", "name-long", 200);
		}
		rules.check(password, address);
		Optional<Contact> known = contact(address);
		if (known.isPresent() && hasPassword(known.get().id())) {
			events.publishEvent(new AccountAlreadyRegistered(known.get().id(), address, known.get().name()));
			return;
		}
		if (known.isEmpty()) {
			jdbc.sql("INSERT INTO contact (email, name, verified) VALUES (?, ?, FALSE)")
				.params(address, cleanName)
				.update();
		}
		long contactId = contact(address).orElseThrow().id();
		issue(contactId, address, known.map(Contact::name).orElse(cleanName), AccountCodePurpose.VERIFY,
				passwords.encode(password));
	}

	/**
	 * Proves the address with the code mailed to it: the account is verified and its
	 * password set.
	 * @throws CodeRefused whatever is wrong
	 */
	@Transactional(noRollbackFor = CodeRefused.class)
	public void verify(String email, String code) {
		long contactId = use(email, code, AccountCodePurpose.VERIFY);
		String pending = jdbc.sql("SELECT pending_password FROM account_code WHERE contact_id = ? AND purpose = ?")
			.params(contactId, AccountCodePurpose.VERIFY.name())
			.query(String.class)
			.single();
		jdbc.sql("UPDATE contact SET verified = TRUE, password_hash = ? WHERE id = ?")
			.params(pending, contactId)
			.update();
		delete(contactId, AccountCodePurpose.VERIFY);
		events
			.publishEvent(new AccountChanged(contactId, email(email), AccountChanged.Change.VERIFIED, clock.instant()));
	}

	/**
	 * Mails a code to reset the password, if the address has an account; silently nothing
	 * otherwise.
	 */
	public void requestReset(String email) {
		String address = email(email);
		contact(address).filter(c -> c.verified() && hasPassword(c.id()))
			.ifPresent(c -> issue(c.id(), address, c.name(), AccountCodePurpose.RESET, null));
	}

	/**
	 * Sets a new password with the code mailed by {@link #requestReset(String)}.
	 * @throws AccountRefused when the new password breaks a rule (checked first)
	 * @throws CodeRefused when the code does not fit
	 */
	@Transactional(noRollbackFor = CodeRefused.class)
	public void resetPassword(String email, String code, String password) {
		String address = email(email);
		rules.check(password, address);
		long contactId = use(address, code, AccountCodePurpose.RESET);
		jdbc.sql("UPDATE contact SET password_hash = ? WHERE id = ?")
			.params(passwords.encode(password), contactId)
			.update();
		delete(contactId, AccountCodePurpose.RESET);
		events.publishEvent(
				new AccountChanged(contactId, address, AccountChanged.Change.PASSWORD_RESET, clock.instant()));
	}

	private void issue(long contactId, String email, String name, AccountCodePurpose purpose, String pending) {
		Instant now = clock.instant();
		Optional<Instant> last = jdbc
			.sql("SELECT issued_at FROM account_code WHERE contact_id = ? AND purpose = ? AND expires_at > ?")
			.params(contactId, purpose.name(), now.atOffset(ZoneOffset.UTC))
			.query((rs, n) -> rs.getObject(1, java.time.OffsetDateTime.class).toInstant())
			.optional();
		if (last.isPresent() && last.get().plus(interval).isAfter(now)) {
			// A code went out moments ago: no second mail, and its password stays.
			return;
		}
		String code = String.format(Locale.ROOT, "%06d", RANDOM.nextInt(1_000_000));
		delete(contactId, purpose);
		jdbc.sql(
				"""
						INSERT INTO account_code (contact_id, purpose, code_hash, pending_password, issued_at, expires_at, tries_left)
						VALUES (?, ?, ?, ?, ?, ?, ?)
						""")
			.params(contactId, purpose.name(), hash(contactId, purpose, code), pending, now.atOffset(ZoneOffset.UTC),
					now.plus(validity).atOffset(ZoneOffset.UTC), tries)
			.update();
		events.publishEvent(new AccountCodeIssued(contactId, email, name, purpose, code, (int) validity.toMinutes()));
	}

	/** The contact whose code this is; a wrong try is counted. */
	private long use(String email, String code, AccountCodePurpose purpose) {
		String address;
		try {
			address = email(email);
		}
		catch (AccountRefused ex) {
			throw new CodeRefused();
		}
		Contact contact = contact(address).orElseThrow(CodeRefused::new);
		record Open(String hash, Instant expires, int triesLeft) {
		}
		Open open = jdbc
			.sql("SELECT code_hash, expires_at, tries_left FROM account_code WHERE contact_id = ? AND purpose = ?")
			.params(contact.id(), purpose.name())
			.query((rs, n) -> new Open(rs.getString(1), rs.getObject(2, java.time.OffsetDateTime.class).toInstant(),
					rs.getInt(3)))
			.optional()
			.orElseThrow(CodeRefused::new);
		if (open.triesLeft() <= 0 || !open.expires().isAfter(clock.instant())) {
			throw new CodeRefused();
		}
		String given = code == null ? "" : code.replaceAll("\\s", "");
		boolean fits = MessageDigest.isEqual(open.hash().getBytes(StandardCharsets.US_ASCII),
				hash(contact.id(), purpose, given).getBytes(StandardCharsets.US_ASCII));
		if (!fits) {
			jdbc.sql("UPDATE account_code SET tries_left = tries_left - 1 WHERE contact_id = ? AND purpose = ?")
				.params(contact.id(), purpose.name())
				.update();
			throw new CodeRefused();
		}
		return contact.id();
	}

	private void delete(long contactId, AccountCodePurpose purpose) {
		jdbc.sql("DELETE FROM account_code WHERE contact_id = ? AND purpose = ?")
			.params(contactId, purpose.name())
			.update();
	}

	private boolean hasPassword(long contactId) {
		return jdbc.sql("SELECT COUNT(*) FROM contact WHERE id = ? AND password_hash IS NOT NULL")
			.param(contactId)
			.query(Long.class)
			.single() > 0;
	}

	private Optional<Contact> contact(String address) {
		return jdbc.sql("SELECT * FROM contact WHERE email = ?").param(address).query(Registry.CONTACT).optional();
	}

	private static String hash(long contactId, AccountCodePurpose purpose, String code) {
		MessageDigest md = Sha256.digest();
		md.update((contactId + ":" + purpose + ":" + code).getBytes(StandardCharsets.UTF_8));
		return HexFormat.of().formatHex(md.digest());
	}

	/** The address in lower case, or {@link AccountRefused} for the field email. */
	static String email(String email) {
		String address = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
		if (address.isEmpty()) {
			throw new AccountRefused("email", "email-missing");
		}
		if (address.length() > 254 || !EMAIL.matcher(address).matches()) {
			throw new AccountRefused("email", "email-invalid");
		}
		return address;
	}

}
