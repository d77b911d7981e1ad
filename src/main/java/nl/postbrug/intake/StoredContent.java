package nl.postbrug.intake;

import java.util.List;

import nl.postbrug.storage.EncryptedColumn;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The columns of a message's content (text, mail subject, photos, mail source) that are
 * encrypted at rest (migration V72), named for {@link MessageIntake} and
 * {@link Messages}, which write and read them, and for the key rotation job in
 * {@code storage}, which re-encrypts them.
 */
@Configuration(proxyBeanMethods = false)
class StoredContent {

	static final EncryptedColumn BODY = new EncryptedColumn("message.body", "message", "body", "body_key", true,
			List.of("id"), List.of("id"));

	static final EncryptedColumn SUBJECT = new EncryptedColumn("message.subject", "message", "subject", "subject_key",
			true, List.of("id"), List.of("id"));

	static final EncryptedColumn PHOTO = new EncryptedColumn("message.photo", "message_photo", "data", "data_key",
			false, List.of("id"), List.of("message_id", "position"));

	static final EncryptedColumn SOURCE = new EncryptedColumn("message.source", "message_source", "raw", "raw_key",
			false, List.of("message_id"), List.of("message_id"));

	@Bean
	EncryptedColumn messageBodies() {
		return BODY;
	}

	@Bean
	EncryptedColumn messageSubjects() {
		return SUBJECT;
	}

	@Bean
	EncryptedColumn messagePhotos() {
		return PHOTO;
	}

	@Bean
	EncryptedColumn messageSources() {
		return SOURCE;
	}

}
