package nl.postbrug.audit.anchor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

import nl.postbrug.Sha256;

/**
 * The Ed25519 keys of the anchors: read from configuration as PKCS#8 (private) or X.509
 * (public), in base64 or PEM, inline or from a file.
 */
public final class AnchorKeys {

	public static final String ALGORITHM = "Ed25519";

	private AnchorKeys() {
	}

	public static PrivateKey privateKey(String text) {
		try {
			return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(der(text, "PRIVATE KEY")));
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw new IllegalArgumentException("not an Ed25519 private key in PKCS#8 (" + ex.getMessage() + ")", ex);
		}
	}

	public static PublicKey publicKey(String text) {
		try {
			return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(der(text, "PUBLIC KEY")));
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw new IllegalArgumentException("not an Ed25519 public key in X.509 (" + ex.getMessage() + ")", ex);
		}
	}

	/** A key file's content: PEM text, or DER bytes given back as base64. */
	public static String read(Path file) {
		try {
			byte[] bytes = Files.readAllBytes(file);
			String text = new String(bytes, StandardCharsets.US_ASCII);
			return text.contains("-----BEGIN") ? text : Base64.getEncoder().encodeToString(bytes);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read key file " + file + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * The public half of a private key. The JDK has no call for it, but its Ed25519
	 * generator derives the public key from 32 random bytes, so handing it the private
	 * key as those bytes gives that key's public half; a trial signature confirms it.
	 */
	public static PublicKey derivePublic(PrivateKey key) {
		try {
			byte[] seed = ((EdECPrivateKey) key).getBytes().orElseThrow();
			KeyPairGenerator generator = KeyPairGenerator.getInstance(ALGORITHM);
			generator.initialize(NamedParameterSpec.ED25519, new SecureRandom() {
				@Override
				public void nextBytes(byte[] bytes) {
					System.arraycopy(seed, 0, bytes, 0, Math.min(seed.length, bytes.length));
				}
			});
			PublicKey derived = generator.generateKeyPair().getPublic();
			if (!matches(key, derived)) {
				throw new IllegalStateException(
						"The public key could not be derived from postbrug.audit.anchor-key; set postbrug.audit.anchor-public-key");
			}
			return derived;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("This Java runtime has no Ed25519", ex);
		}
	}

	/** Whether the two keys are halves of one pair. */
	public static boolean matches(PrivateKey privateKey, PublicKey publicKey) {
		try {
			byte[] probe = "postbrug-audit-anchor key check".getBytes(StandardCharsets.US_ASCII);
			Signature signer = Signature.getInstance(ALGORITHM);
			signer.initSign(privateKey);
			signer.update(probe);
			byte[] signature = signer.sign();
			Signature verifier = Signature.getInstance(ALGORITHM);
			verifier.initVerify(publicKey);
			verifier.update(probe);
			return verifier.verify(signature);
		}
		catch (GeneralSecurityException ex) {
			return false;
		}
	}

	public static KeyPair generate() {
		try {
			return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("This Java runtime has no Ed25519", ex);
		}
	}

	/**
	 * Short id of a public key: the first 16 hex digits of SHA-256 over its X.509 form.
	 */
	public static String id(PublicKey key) {
		return Sha256.hex(key.getEncoded()).substring(0, 16);
	}

	public static String pem(String type, byte[] der) {
		return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] { '\n' }).encodeToString(der)
				+ "\n-----END " + type + "-----\n";
	}

	private static byte[] der(String text, String type) {
		String body = text.strip();
		if (body.startsWith("-----BEGIN")) {
			String begin = "-----BEGIN " + type + "-----";
			int start = body.indexOf(begin);
			int end = body.indexOf("-----END " + type + "-----");
			if (start < 0 || end < start) {
				throw new IllegalArgumentException("PEM block is not a " + type);
			}
			body = body.substring(start + begin.length(), end);
		}
		return Base64.getMimeDecoder().decode(body.replaceAll("\\s", ""));
	}

}
