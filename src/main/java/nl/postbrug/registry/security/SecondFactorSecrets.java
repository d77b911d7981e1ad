package nl.postbrug.registry.security;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Seals TOTP secrets for the database with AES-GCM under
 * {@code postbrug.security.second-factor-key} (base64 of 16 or 32 bytes; make one with
 * {@code openssl rand -base64 32}). Without a key the secrets are kept as they are, and
 * the log says so once: whoever reads the table could then make codes.
 */
@Component
class SecondFactorSecrets {

	private static final Logger log = LoggerFactory.getLogger(SecondFactorSecrets.class);

	private static final String SEALED = "gcm1:";

	private static final String PLAIN = "plain:";

	private final SecretKeySpec key;

	private final SecureRandom random = new SecureRandom();

	private volatile boolean warned;

	SecondFactorSecrets(@Value("${postbrug.security.second-factor-key:}") String key) {
		if (key == null || key.isBlank()) {
			this.key = null;
		}
		else {
			byte[] bytes = Base64.getDecoder().decode(key.strip());
			if (bytes.length != 16 && bytes.length != 32) {
				throw new IllegalArgumentException(
						"postbrug.security.second-factor-key must be base64 of 16 or 32 bytes, not " + bytes.length);
			}
			this.key = new SecretKeySpec(bytes, "AES");
		}
	}

	byte[] newSecret() {
		byte[] secret = new byte[20];
		random.nextBytes(secret);
		return secret;
	}

	String seal(byte[] secret) {
		if (key == null) {
			if (!warned) {
				warned = true;
				log.warn(
						"postbrug.security.second-factor-key is not set: second-factor secrets are stored unencrypted");
			}
			return PLAIN + Base64.getEncoder().encodeToString(secret);
		}
		try {
			byte[] nonce = new byte[12];
			random.nextBytes(nonce);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
			byte[] sealed = cipher.doFinal(secret);
			return SEALED + Base64.getEncoder()
				.encodeToString(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot seal a second-factor secret", ex);
		}
	}

	byte[] open(String stored) {
		if (stored.startsWith(PLAIN)) {
			return Base64.getDecoder().decode(stored.substring(PLAIN.length()));
		}
		if (!stored.startsWith(SEALED) || key == null) {
			throw new IllegalStateException(
					"A second-factor secret is sealed but postbrug.security.second-factor-key is not set");
		}
		byte[] all = Base64.getDecoder().decode(stored.substring(SEALED.length()));
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, 12));
			return cipher.doFinal(all, 12, all.length - 12);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("A second-factor secret does not open with the configured key", ex);
		}
	}

}
