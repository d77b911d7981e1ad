package nl.postbrug.storage;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * AES-GCM with the key id in a header and the row as associated data: what goes in comes
 * out, and anything changed, moved or read with another key is refused, never returned.
 */
class ContentEncryptionTests {

	static final SecretKey K1 = key();

	static final SecretKey K2 = key();

	static SecretKey key() {
		byte[] bytes = new byte[32];
		new SecureRandom().nextBytes(bytes);
		return new SecretKeySpec(bytes, "AES");
	}

	private final ContentEncryption encryption = ContentEncryption.on(Map.of("k1", K1, "k2", K2), "k2");

	@Test
	void textAndBytesComeBackAsTheyWentInAndTheCiphertextNamesItsKey() {
		String text = "Lieve Jan, tot zondag! Ça va? Привет, ☀";
		Sealed<String> sealed = encryption.encryptText(text, "message.body:1");
		assertThat(sealed.keyId()).isEqualTo("k2");
		assertThat(sealed.value()).doesNotContain("Lieve").doesNotContain("zondag");
		assertThat(new String(Base64.getDecoder().decode(sealed.value()), 0, 6, StandardCharsets.US_ASCII))
			.isEqualTo("PBE\u0001\u0002k");
		assertThat(encryption.decryptText(sealed.value(), "k2", "message.body:1")).isEqualTo(text);

		byte[] photo = new byte[100_000];
		new SecureRandom().nextBytes(photo);
		Sealed<byte[]> bytes = encryption.encrypt(photo, "message.photo:1:0");
		assertThat(bytes.value()).hasSize(photo.length + 3 + 2 + 2 + 12 + 16);
		assertThat(encryption.decrypt(bytes.value(), "k2", "message.photo:1:0")).isEqualTo(photo);
		assertThat(encryption.decrypt(new byte[0], "k2", "message.photo:1:0")).isEmpty();
	}

	@Test
	void theSameContentTwiceGivesTwoCiphertexts() {
		assertThat(encryption.encryptText("same", "c").value())
			.isNotEqualTo(encryption.encryptText("same", "c").value());
	}

	@Test
	void contentUnderAnOlderKeyStillReads() {
		ContentEncryption before = ContentEncryption.on(Map.of("k1", K1), "k1");
		Sealed<String> old = before.encryptText("oud", "message.body:7");
		assertThat(encryption.decryptText(old.value(), old.keyId(), "message.body:7")).isEqualTo("oud");
	}

	@Test
	void plaintextWrittenBeforeEncryptionComesBackUnchanged() {
		assertThat(encryption.decryptText("gewoon tekst", null, "message.body:1")).isEqualTo("gewoon tekst");
		assertThat(encryption.decrypt(new byte[] { 1, 2, 3 }, null, "x")).containsExactly(1, 2, 3);
		ContentEncryption off = ContentEncryption.off(Map.of());
		assertThat(off.encryptText("tekst", "c")).isEqualTo(new Sealed<>("tekst", null));
		assertThat(off.enabled()).isFalse();
	}

	@Test
	void aChangedByteIsRefusedNamingTheRowAndKey() {
		byte[] sealed = encryption.encrypt("Lieve Jan".getBytes(StandardCharsets.UTF_8), "message.source:5").value();
		for (int at : new int[] { 20, sealed.length - 1 }) {
			byte[] tampered = sealed.clone();
			tampered[at] ^= 1;
			assertThatThrownBy(() -> encryption.decrypt(tampered, "k2", "message.source:5"))
				.isInstanceOf(ContentUnreadable.class)
				.hasMessageContaining("message.source:5")
				.hasMessageContaining("does not authenticate under key 'k2'");
		}
		byte[] cut = java.util.Arrays.copyOf(sealed, 20);
		assertThatThrownBy(() -> encryption.decrypt(cut, "k2", "message.source:5"))
			.isInstanceOf(ContentUnreadable.class);
	}

	@Test
	void aCiphertextMovedToAnotherRowIsRefused() {
		Sealed<String> a = encryption.encryptText("voor bericht A", "message.body:A");
		assertThatThrownBy(() -> encryption.decryptText(a.value(), a.keyId(), "message.body:B"))
			.isInstanceOf(ContentUnreadable.class)
			.hasMessageContaining("moved from another row");
		assertThatThrownBy(() -> encryption.decryptText(a.value(), a.keyId(), "message.photo:A:0"))
			.isInstanceOf(ContentUnreadable.class);
	}

	@Test
	void aWrongKeyUnderTheRightIdIsRefused() {
		Sealed<String> sealed = encryption.encryptText("geheim", "c");
		ContentEncryption wrong = ContentEncryption.on(Map.of("k2", key()), "k2");
		assertThatThrownBy(() -> wrong.decryptText(sealed.value(), "k2", "c")).isInstanceOf(ContentUnreadable.class)
			.hasMessageContaining("is not the one it was written with");
	}

	@Test
	void aMissingKeyIsNamedWithTheProperty() {
		Sealed<String> sealed = encryption.encryptText("geheim", "c");
		ContentEncryption withoutK2 = ContentEncryption.on(Map.of("k1", K1), "k1");
		assertThatThrownBy(() -> withoutK2.decryptText(sealed.value(), "k2", "c")).isInstanceOf(ContentUnreadable.class)
			.hasMessageContaining("postbrug.encryption.keys.k2");
	}

	@Test
	void aKeyIdBesideTheContentThatDiffersFromTheHeaderIsRefused() {
		Sealed<String> sealed = encryption.encryptText("geheim", "c");
		assertThatThrownBy(() -> encryption.decryptText(sealed.value(), "k1", "c"))
			.isInstanceOf(ContentUnreadable.class)
			.hasMessageContaining("header");
		assertThatThrownBy(() -> encryption.decryptText("gewoon tekst", "k2", "c"))
			.isInstanceOf(ContentUnreadable.class);
		assertThatThrownBy(() -> encryption.decrypt("gewoon tekst".getBytes(), "k2", "c"))
			.isInstanceOf(ContentUnreadable.class)
			.hasMessageContaining("no Postbrug ciphertext header");
	}

}
