package nl.postbrug.storage.crypto;

import java.util.LinkedHashMap;
import java.util.Map;

import nl.postbrug.storage.ContentEncryption;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Encryption at rest in {@code /actuator/health} ({@code encryption}): on or off, the
 * current key, the key ids that can be read (never keys), and the key rotation job's
 * latest run with, per kind of content, the rows under each key. DOWN when content was
 * found that cannot be read (changed, or under a key that is not configured), with the
 * first rows named.
 */
@Component("encryption")
class EncryptionHealth implements HealthIndicator {

	private final ContentEncryption encryption;

	private final KeyRotation rotation;

	EncryptionHealth(ContentEncryption encryption, KeyRotation rotation) {
		this.encryption = encryption;
		this.rotation = rotation;
	}

	@Override
	public Health health() {
		RotationReport report = rotation.report();
		Health.Builder health = report.unreadable() > 0 ? Health.down() : Health.up();
		health.withDetail("enabled", encryption.enabled())
			.withDetail("currentKey", encryption.currentKeyId().orElse("none"))
			.withDetail("keys", encryption.keyIds());
		Map<String, Object> run = new LinkedHashMap<>();
		run.put("state", report.state().name());
		if (report.startedAt() != null) {
			run.put("key", report.key());
			run.put("startedAt", report.startedAt().toString());
			run.put("finishedAt", report.finishedAt() == null ? null : report.finishedAt().toString());
			run.put("reEncrypted", report.reEncrypted());
			run.put("unreadable", report.unreadable());
			Map<String, Object> kinds = new LinkedHashMap<>();
			report.kinds().forEach((kind, k) -> {
				Map<String, Object> one = new LinkedHashMap<>();
				one.put("toDo", k.toDo());
				one.put("reEncrypted", k.reEncrypted());
				one.put("unreadable", k.unreadable());
				one.put("rowsByKey", k.rowsByKey());
				if (!k.problems().isEmpty()) {
					one.put("problems", k.problems());
				}
				kinds.put(kind, one);
			});
			run.put("kinds", kinds);
		}
		return health.withDetail("rotation", run).build();
	}

}
