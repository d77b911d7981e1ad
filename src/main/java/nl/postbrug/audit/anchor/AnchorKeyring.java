package nl.postbrug.audit.anchor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Base64;

import nl.postbrug.audit.AuditSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The keys the running service anchors with, from {@link AuditSettings}; and the public
 * key alone, for verifying without the service.
 */
public record AnchorKeyring(AnchorSigner signer, PublicKey publicKey) {

	private static final Logger log = LoggerFactory.getLogger(AnchorKeyring.class);

	static final String NO_KEY = "No signing key for the audit anchors: set postbrug.audit.anchor-key (Ed25519, PKCS#8 in base64 or PEM)"
			+ " or postbrug.audit.anchor-key-file. Make one with: openssl genpkey -algorithm ed25519 -out anchor-key.pem";

	/** The signing key and its public half; fails with what to configure when absent. */
	public static AnchorKeyring load(AuditSettings settings) {
		String text = privateKeyText(settings);
		if (text == null && settings.generateDemoKey() && settings.anchorKeyFile() != null) {
			text = generateDemoKey(settings.anchorKeyFile());
		}
		if (text == null) {
			throw new IllegalStateException(NO_KEY);
		}
		PrivateKey privateKey = AnchorKeys.privateKey(text);
		PublicKey publicKey = blank(settings.anchorPublicKey()) ? AnchorKeys.derivePublic(privateKey)
				: AnchorKeys.publicKey(settings.anchorPublicKey());
		return new AnchorKeyring(new AnchorSigner(privateKey, publicKey), publicKey);
	}

	/**
	 * The key to check anchors with: the one given (a file, or base64/PEM text), else the
	 * configured public key, else the configured signing key's public half; {@code null}
	 * when none of them is there.
	 */
	public static PublicKey publicKey(String given, AuditSettings settings) {
		if (!blank(given)) {
			Path file = Path.of(given);
			return AnchorKeys.publicKey(Files.isRegularFile(file) ? AnchorKeys.read(file) : given);
		}
		if (!blank(settings.anchorPublicKey())) {
			return AnchorKeys.publicKey(settings.anchorPublicKey());
		}
		String text = privateKeyText(settings);
		return text == null ? null : AnchorKeys.derivePublic(AnchorKeys.privateKey(text));
	}

	private static String privateKeyText(AuditSettings settings) {
		if (!blank(settings.anchorKey())) {
			return settings.anchorKey();
		}
		if (settings.anchorKeyFile() != null && Files.isRegularFile(settings.anchorKeyFile())) {
			return AnchorKeys.read(settings.anchorKeyFile());
		}
		return null;
	}

	private static String generateDemoKey(Path file) {
		KeyPair pair = AnchorKeys.generate();
		String pem = AnchorKeys.pem("PRIVATE KEY", pair.getPrivate().getEncoded());
		try {
			Files.createDirectories(file.toAbsolutePath().getParent());
			Files.writeString(file, pem, StandardCharsets.US_ASCII, StandardOpenOption.CREATE_NEW,
					StandardOpenOption.WRITE);
			try {
				Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
			}
			catch (UnsupportedOperationException notPosix) {
				// the folder's own permissions have to do
			}
		}
		catch (FileAlreadyExistsException madeMeanwhile) {
			// another node on the same data folder was first: sign with its key
			return AnchorKeys.read(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the demo anchor key to " + file, ex);
		}
		log.warn(
				"DEMO: generated an audit anchor signing key in {} (public key {}, id {}). Never use the demo profile on a real installation.",
				file, Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()),
				AnchorKeys.id(pair.getPublic()));
		return pem;
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

}
