package nl.postbrug.storage.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import nl.postbrug.storage.ContentEncryption;

/**
 * Reads the keys from configuration and the keystore, and refuses to go on, naming the
 * property, when encryption is on without a usable current key. Error messages name key
 * ids and properties, never key material or the keystore password.
 */
final class EncryptionKeys {

	static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

	private EncryptionKeys() {
	}

	static ContentEncryption load(EncryptionSettings settings) {
		Map<String, SecretKey> keys = new LinkedHashMap<>();
		settings.keys().forEach((id, value) -> keys.put(checkedId(id), fromBase64(id, value)));
		keystore(settings.keystore()).forEach((id, key) -> {
			if (keys.putIfAbsent(id, key) != null) {
				throw new IllegalStateException("Key '" + id + "' is given twice, as postbrug.encryption.keys." + id
						+ " and in the keystore " + settings.keystore().path() + ": give each key once");
			}
		});
		String current = settings.currentKey() == null ? "" : settings.currentKey().strip();
		if (!settings.enabled()) {
			return ContentEncryption.off(keys);
		}
		if (current.isEmpty()) {
			throw new IllegalStateException("""
					Encryption at rest is on (postbrug.encryption.enabled=true) but postbrug.encryption.current-key \
					is not set. Set postbrug.encryption.current-key to the id of a key given as \
					postbrug.encryption.keys.<id> (32 random bytes in base64: openssl rand -base64 32) or held in the \
					PKCS#12 keystore postbrug.encryption.keystore.path (with .password). Only the demo profile runs \
					without one; see README.md, "Encryption at rest".""");
		}
		if (!keys.containsKey(current)) {
			throw new IllegalStateException("postbrug.encryption.current-key is '" + current
					+ "' but no key has that id: give it as postbrug.encryption.keys." + current
					+ " or as an entry of the keystore postbrug.encryption.keystore.path (keys configured: "
					+ keys.keySet() + ")");
		}
		return ContentEncryption.on(keys, current);
	}

	private static String checkedId(String id) {
		if (!KEY_ID.matcher(id).matches()) {
			throw new IllegalStateException(
					"postbrug.encryption.keys." + id + ": a key id is 1 to 64 letters, digits, '.', '_' or '-'");
		}
		return id;
	}

	private static SecretKey fromBase64(String id, String value) {
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(value == null ? "" : value.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("postbrug.encryption.keys." + id + " is not base64", ex);
		}
		if (bytes.length != 32) {
			throw new IllegalStateException("postbrug.encryption.keys." + id + " is " + bytes.length
					+ " bytes; an AES-256 key is 32 (openssl rand -base64 32)");
		}
		return new SecretKeySpec(bytes, "AES");
	}

	private static Map<String, SecretKey> keystore(EncryptionSettings.Keystore settings) {
		if (settings == null || settings.path() == null || settings.path().isBlank()) {
			return Collections.emptyMap();
		}
		Path path = Path.of(settings.path());
		char[] password = settings.password() == null ? new char[0] : settings.password().toCharArray();
		Map<String, SecretKey> keys = new LinkedHashMap<>();
		try (InputStream in = Files.newInputStream(path)) {
			KeyStore store = KeyStore.getInstance(settings.type());
			store.load(in, password);
			for (String alias : Collections.list(store.aliases())) {
				if (!store.entryInstanceOf(alias, KeyStore.SecretKeyEntry.class)) {
					continue;
				}
				Key key = store.getKey(alias, password);
				if (key.getEncoded() == null || key.getEncoded().length != 32) {
					throw new IllegalStateException("Entry '" + alias + "' of the keystore " + path
							+ " is not a 256-bit key (keytool -genseckey -keyalg AES -keysize 256)");
				}
				keys.put(checkedId(alias), new SecretKeySpec(key.getEncoded(), "AES"));
			}
		}
		catch (IOException | GeneralSecurityException ex) {
			throw new IllegalStateException("The keystore postbrug.encryption.keystore.path=" + path
					+ " could not be read (missing, not " + settings.type()
					+ ", or postbrug.encryption.keystore.password is wrong): " + ex.getClass().getSimpleName(), ex);
		}
		if (keys.isEmpty()) {
			throw new IllegalStateException("The keystore " + path + " holds no secret key entry");
		}
		return keys;
	}

}
