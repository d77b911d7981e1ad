package nl.postbrug.registry.security;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

import nl.postbrug.storage.ContentEncryption;
import nl.postbrug.storage.EncryptedColumn;
import nl.postbrug.storage.Sealed;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * TOTP secrets for the database, sealed by the at-rest encryption of every other stored
 * content ({@link ContentEncryption}: the current key, the key id beside the secret, the
 * account as associated data), so the same keys and the same rotation cover them; where
 * encryption is off (the demo) they are stored as they are.
 */
@Configuration(proxyBeanMethods = false)
class SecondFactorSecrets {

	static final EncryptedColumn SECRET = new EncryptedColumn("staff.second-factor", "staff_second_factor", "secret",
			"secret_key", true, List.of("username"), List.of("username"));

	private final ContentEncryption encryption;

	private final SecureRandom random = new SecureRandom();

	SecondFactorSecrets(ContentEncryption encryption) {
		this.encryption = encryption;
	}

	/** Declared for the key rotation job, which re-encrypts every declared column. */
	@Bean
	EncryptedColumn secondFactorSecretColumn() {
		return SECRET;
	}

	byte[] newSecret() {
		byte[] secret = new byte[20];
		random.nextBytes(secret);
		return secret;
	}

	Sealed<String> seal(String username, byte[] secret) {
		return encryption.encryptText(Base64.getEncoder().encodeToString(secret), SECRET.context(username));
	}

	byte[] open(String username, String stored, String keyId) {
		return Base64.getDecoder().decode(encryption.decryptText(stored, keyId, SECRET.context(username)));
	}

}
