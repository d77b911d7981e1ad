package nl.postbrug.storage.crypto;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import javax.crypto.spec.SecretKeySpec;

import nl.postbrug.storage.ContentEncryption;
import nl.postbrug.storage.Sealed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Keys from configuration and from a PKCS#12 keystore; without a usable current key
 * encryption that is on refuses to start, naming the property and never a key.
 */
class EncryptionKeysTests {

	@TempDir
	Path dir;

	static String base64Key() {
		byte[] bytes = new byte[32];
		new SecureRandom().nextBytes(bytes);
		return Base64.getEncoder().encodeToString(bytes);
	}

	static EncryptionSettings settings(boolean enabled, String current, Map<String, String> keys, String keystore,
			String password) {
		return new EncryptionSettings(enabled, current, keys,
				new EncryptionSettings.Keystore(keystore, password, "PKCS12"),
				new EncryptionSettings.Rotation(Duration.ofMinutes(5), Duration.ofSeconds(30), 50));
	}

	@Test
	void withoutACurrentKeyEncryptionThatIsOnDoesNotStartAndNamesTheProperties() {
		assertThatThrownBy(() -> EncryptionKeys.load(settings(true, "", Map.of(), null, null)))
			.hasMessageContaining("postbrug.encryption.current-key")
			.hasMessageContaining("postbrug.encryption.keys.<id>")
			.hasMessageContaining("postbrug.encryption.keystore.path")
			.hasMessageContaining("openssl rand -base64 32");
	}

	@Test
	void aCurrentKeyThatIsNotGivenIsNamed() {
		assertThatThrownBy(() -> EncryptionKeys.load(settings(true, "k9", Map.of("k1", base64Key()), null, null)))
			.hasMessageContaining("postbrug.encryption.keys.k9");
	}

	@Test
	void aKeyOfTheWrongSizeOrNotBase64IsRefusedWithoutShowingIt() {
		String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
		assertThatThrownBy(() -> EncryptionKeys.load(settings(true, "k1", Map.of("k1", shortKey), null, null)))
			.hasMessageContaining("postbrug.encryption.keys.k1 is 16 bytes")
			.hasMessageNotContaining(shortKey);
		assertThatThrownBy(() -> EncryptionKeys.load(settings(true, "k1", Map.of("k1", "geen base64!"), null, null)))
			.hasMessageContaining("not base64")
			.hasMessageNotContaining("geen base64");
	}

	@Test
	void offItStartsWithoutKeysAndWritesContentAsItIs() {
		ContentEncryption off = EncryptionKeys.load(settings(false, "", Map.of(), null, null));
		assertThat(off.enabled()).isFalse();
		assertThat(off.encryptText("tekst", "c").keyId()).isNull();
	}

	@Test
	void keysComeFromAPkcs12KeystoreBesideTheConfiguredOnes() throws Exception {
		Path store = dir.resolve("keys.p12");
		byte[] raw = new byte[32];
		new SecureRandom().nextBytes(raw);
		KeyStore keystore = KeyStore.getInstance("PKCS12");
		keystore.load(null, null);
		char[] password = "wachtwoord-van-de-sleutelkluis".toCharArray();
		keystore.setEntry("k2027", new KeyStore.SecretKeyEntry(new SecretKeySpec(raw, "AES")),
				new KeyStore.PasswordProtection(password));
		try (OutputStream out = Files.newOutputStream(store)) {
			keystore.store(out, password);
		}
		ContentEncryption both = EncryptionKeys
			.load(settings(true, "k2027", Map.of("k2026", base64Key()), store.toString(), new String(password)));
		assertThat(both.keyIds()).containsExactly("k2026", "k2027");
		Sealed<String> sealed = both.encryptText("tekst", "c");
		assertThat(sealed.keyId()).isEqualTo("k2027");
		ContentEncryption fromStoreOnly = ContentEncryption.on(Map.of("k2027", new SecretKeySpec(raw, "AES")), "k2027");
		assertThat(fromStoreOnly.decryptText(sealed.value(), "k2027", "c")).isEqualTo("tekst");

		assertThatThrownBy(() -> EncryptionKeys.load(settings(true, "k2027", Map.of(), store.toString(), "fout")))
			.hasMessageContaining("postbrug.encryption.keystore.password")
			.hasMessageNotContaining("fout");
		assertThatThrownBy(() -> EncryptionKeys
			.load(settings(true, "k2027", Map.of("k2027", base64Key()), store.toString(), new String(password))))
			.hasMessageContaining("given twice");
	}

	@Test
	void aKeystoreMadeWithKeytoolAsTheReadmeSaysIsRead() throws Exception {
		Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
		Path store = dir.resolve("postbrug-keys.p12");
		Process process = new ProcessBuilder(keytool.toString(), "-genseckey", "-alias", "k2026", "-keyalg", "AES",
				"-keysize", "256", "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass",
				"sleutelkluis-wachtwoord")
			.redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes());
		assertThat(process.waitFor()).as(output).isZero();
		ContentEncryption encryption = EncryptionKeys
			.load(settings(true, "k2026", Map.of(), store.toString(), "sleutelkluis-wachtwoord"));
		Sealed<byte[]> sealed = encryption.encrypt(new byte[] { 1, 2, 3 }, "c");
		assertThat(encryption.decrypt(sealed.value(), sealed.keyId(), "c")).containsExactly(1, 2, 3);
	}

}
