package nl.postbrug.storage.bench;

import java.security.SecureRandom;
import java.util.Map;

import javax.crypto.spec.SecretKeySpec;

import nl.postbrug.storage.ContentEncryption;
import nl.postbrug.storage.Sealed;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Encryption at rest's own cost: AES-256-GCM encrypt and decrypt through
 * {@link ContentEncryption} of a message text (2 KB), a photo (500 KB) and a stored PDF
 * chunk (1 MiB), in MB/s on one thread. Prints figures, asserts only that every round
 * trip gave back its bytes. {@code ./mvnw -Pbench test -Dtest=EncryptionBenchmark}
 */
class EncryptionBenchmark {

	@Test
	void encryptAndDecryptThroughput() {
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		ContentEncryption encryption = ContentEncryption.on(Map.of("k1", new SecretKeySpec(key, "AES")), "k1");
		System.out.printf("%-22s %12s %12s %14s%n", "content", "encrypt MB/s", "decrypt MB/s", "both MB/s");
		for (int size : new int[] { 2 * 1024, 500 * 1024, 1 << 20 }) {
			byte[] content = new byte[size];
			new SecureRandom().nextBytes(content);
			long total = 256L << 20;
			int rounds = (int) Math.max(50, total / size);
			run(encryption, content, rounds / 4); // warm-up
			long encryptNanos = 0;
			long decryptNanos = 0;
			for (int i = 0; i < rounds; i++) {
				long t0 = System.nanoTime();
				Sealed<byte[]> sealed = encryption.encrypt(content, "message.photo:bench:" + i);
				long t1 = System.nanoTime();
				byte[] back = encryption.decrypt(sealed.value(), sealed.keyId(), "message.photo:bench:" + i);
				long t2 = System.nanoTime();
				encryptNanos += t1 - t0;
				decryptNanos += t2 - t1;
				if (back.length != content.length) {
					throw new AssertionError("round trip lost bytes");
				}
			}
			double megabytes = (double) size * rounds / 1e6;
			System.out.printf("%-22s %12.0f %12.0f %14.0f%n", size / 1024 + " KB x " + rounds,
					megabytes / (encryptNanos / 1e9), megabytes / (decryptNanos / 1e9),
					megabytes / ((encryptNanos + decryptNanos) / 1e9));
		}
		assertThat(run(encryption, new byte[] { 1, 2, 3 }, 1)).containsExactly(1, 2, 3);
	}

	private static byte[] run(ContentEncryption encryption, byte[] content, int rounds) {
		byte[] back = null;
		for (int i = 0; i < rounds; i++) {
			Sealed<byte[]> sealed = encryption.encrypt(content, "c");
			back = encryption.decrypt(sealed.value(), sealed.keyId(), "c");
		}
		return back;
	}

}
