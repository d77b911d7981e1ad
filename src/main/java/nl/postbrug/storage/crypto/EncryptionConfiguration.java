package nl.postbrug.storage.crypto;

import nl.postbrug.storage.ContentEncryption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one {@link ContentEncryption} of the service, made from
 * {@code postbrug.encryption}; the start stops here, naming the property, when encryption
 * is on and no current key is configured.
 */
@Configuration(proxyBeanMethods = false)
class EncryptionConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EncryptionConfiguration.class);

	@Bean
	ContentEncryption contentEncryption(EncryptionSettings settings) {
		ContentEncryption encryption = EncryptionKeys.load(settings);
		if (encryption.enabled()) {
			log.info("Encryption at rest is on: new content is encrypted under key '{}'; keys {} can be read",
					encryption.currentKeyId().orElseThrow(), encryption.keyIds());
		}
		else {
			log.warn("Encryption at rest is OFF (postbrug.encryption.enabled=false): message texts, photos, raw mail "
					+ "and stored PDFs are written as they are. Only the demo may run like this.");
		}
		return encryption;
	}

}
