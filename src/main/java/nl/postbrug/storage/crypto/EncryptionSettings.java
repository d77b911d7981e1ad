package nl.postbrug.storage.crypto;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Encryption at rest ({@code postbrug.encryption}): on by default, off only in the demo
 * profile. Keys come as {@code keys.<id>} (32 bytes, base64) and/or as secret-key entries
 * of a PKCS#12 keystore, whose aliases are the key ids; {@code current-key} names the one
 * new content is encrypted under. The rotation job re-encrypts, every
 * {@code rotation.interval}, whatever is not under the current key, {@code batch-size}
 * rows per transaction.
 */
@ConfigurationProperties("postbrug.encryption")
record EncryptionSettings(@DefaultValue("true") boolean enabled, String currentKey, Map<String, String> keys,
		@DefaultValue Keystore keystore, @DefaultValue Rotation rotation) {

	EncryptionSettings {
		keys = keys == null ? Map.of() : Map.copyOf(keys);
	}

	record Keystore(String path, String password, @DefaultValue("PKCS12") String type) {
	}

	record Rotation(@DefaultValue("5m") Duration interval, @DefaultValue("30s") Duration initialDelay,
			@DefaultValue("50") int batchSize) {
	}

}
