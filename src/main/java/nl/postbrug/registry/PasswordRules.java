package nl.postbrug.registry;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import org.springframework.core.io.ClassPathResource;

/**
 * What a relative's password must be: at least {@code minLength} characters (a long
 * passphrase is the best defence, NIST SP 800-63B), at most 200, not one of the common
 * passwords in {@code registry/common-passwords.txt}, and not the email address.
 */
final class PasswordRules {

	static final int MAX_LENGTH = 200;

	private final int minLength;

	private final Set<String> common;

	PasswordRules(int minLength) {
		this.minLength = minLength;
		this.common = load();
	}

	int minLength() {
		return this.minLength;
	}

	/**
	 * @throws AccountRefused for the field {@code password}
	 */
	void check(String password, String email) {
		if (password == null || password.codePointCount(0, password.length()) < this.minLength) {
			throw new AccountRefused("password", "password-short", this.minLength);
		}
		if (password.length() > MAX_LENGTH) {
			throw new AccountRefused("password", "password-long", MAX_LENGTH);
		}
		String lower = password.strip().toLowerCase(Locale.ROOT);
		if (this.common.contains(lower) || lower.chars().distinct().count() < 4) {
			throw new AccountRefused("password", "password-common");
		}
		if (email != null && lower.equals(email.strip().toLowerCase(Locale.ROOT))) {
			throw new AccountRefused("password", "password-is-email");
		}
	}

	private static Set<String> load() {
		Set<String> words = new HashSet<>();
		try (BufferedReader in = new BufferedReader(new InputStreamReader(
				new ClassPathResource("registry/common-passwords.txt").getInputStream(), StandardCharsets.UTF_8))) {
			in.lines()
				.map(String::strip)
				.filter(line -> !line.isEmpty() && !line.startsWith("#"))
				.forEach(line -> words.add(line.toLowerCase(Locale.ROOT)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return words;
	}

}
