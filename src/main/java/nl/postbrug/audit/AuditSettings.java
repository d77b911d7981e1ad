package nl.postbrug.audit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the audit log is anchored outside the database and read back.
 *
 * @param anchorInterval how often the chain head is signed and written out (it is also
 * signed at a clean shutdown); nothing is written while the head has not moved
 * @param anchorDir the folder anchors are written to, one file per anchor; keep it off
 * the database server, ideally on write-once storage
 * @param anchorKey the Ed25519 signing key, PKCS#8 in base64 or PEM; a secret
 * @param anchorKeyFile the same key in a PEM or DER file, when {@code anchorKey} is empty
 * @param anchorPublicKey the public key to check anchors with (X.509 in base64 or PEM);
 * derived from the signing key when empty
 * @param generateDemoKey demo only: make a signing key in {@code anchorKeyFile} when
 * there is none
 * @param trustedProxies addresses of reverse proxies whose {@code X-Forwarded-For} is
 * believed; empty: the connection's address is the client's
 * @param maxRange the longest period one listing or export may cover
 */
@ConfigurationProperties("postbrug.audit")
public record AuditSettings(@DefaultValue("10m") Duration anchorInterval,
		@DefaultValue("data/audit-anchors") Path anchorDir, String anchorKey, Path anchorKeyFile,
		String anchorPublicKey, @DefaultValue("false") boolean generateDemoKey,
		@DefaultValue List<String> trustedProxies, @DefaultValue("366d") Duration maxRange) {

	public AuditSettings {
		if (anchorInterval.isNegative() || anchorInterval.compareTo(Duration.ofSeconds(1)) < 0) {
			throw new IllegalArgumentException(
					"postbrug.audit.anchor-interval must be at least 1s, not " + anchorInterval);
		}
		if (maxRange.isNegative() || maxRange.isZero()) {
			throw new IllegalArgumentException("postbrug.audit.max-range must be positive, not " + maxRange);
		}
	}

}
