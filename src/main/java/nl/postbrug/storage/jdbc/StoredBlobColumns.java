package nl.postbrug.storage.jdbc;

import nl.postbrug.storage.EncryptedColumn;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The stored chunks, for the key rotation job. */
@Configuration(proxyBeanMethods = false)
class StoredBlobColumns {

	@Bean
	EncryptedColumn storedBlobChunks() {
		return DatabaseBlobStore.CHUNKS;
	}

}
