package nl.postbrug.storage.jdbc;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import nl.postbrug.storage.ContentEncryption;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link DatabaseBlobStoreTests} with encryption at rest on, and what only encryption
 * gives: no plaintext in the chunks, and changed, swapped or cut-off chunks refused.
 */
class EncryptedDatabaseBlobStoreTests extends DatabaseBlobStoreTests {

	static final SecretKey KEY = key();

	static SecretKey key() {
		byte[] bytes = new byte[32];
		new SecureRandom().nextBytes(bytes);
		return new SecretKeySpec(bytes, "AES");
	}

	@Override
	ContentEncryption encryption() {
		return ContentEncryption.on(Map.of("k1", KEY), "k1");
	}

	private static byte[] pdfLike(int size) {
		byte[] content = new byte[size];
		byte[] line = "%PDF-1.7 BT /F1 12 Tf (Lieve Jan, tot zondag) Tj ET\n".getBytes(StandardCharsets.US_ASCII);
		for (int i = 0; i < size; i++) {
			content[i] = line[i % line.length];
		}
		return content;
	}

	@Test
	void theChunksHoldCiphertextUnderTheCurrentKeyOnly() throws Exception {
		byte[] content = pdfLike(DatabaseBlobStore.CHUNK + 5000);
		store.put("batch/PIA/batch-9.pdf", new ByteArrayInputStream(content));
		jdbc.query("SELECT data, data_key FROM stored_blob_chunk WHERE blob_key = 'batch/PIA/batch-9.pdf'", rs -> {
			String raw = new String(rs.getBytes(1), StandardCharsets.ISO_8859_1);
			assertThat(raw).startsWith("PBE").doesNotContain("%PDF").doesNotContain("Lieve Jan");
			assertThat(rs.getString(2)).isEqualTo("k1");
		});
		try (InputStream in = store.open("batch/PIA/batch-9.pdf").orElseThrow()) {
			assertThat(in.readAllBytes()).isEqualTo(content);
		}
	}

	@Test
	void aChangedChunkIsRefusedAndNothingIsGivenInItsPlace() throws Exception {
		store.put("k", new ByteArrayInputStream(pdfLike(3000)));
		byte[] raw = jdbc.queryForObject("SELECT data FROM stored_blob_chunk WHERE blob_key = 'k' AND seq = 0",
				byte[].class);
		raw[raw.length - 20] ^= 1;
		jdbc.update("UPDATE stored_blob_chunk SET data = ? WHERE blob_key = 'k' AND seq = 0", raw);
		try (InputStream in = store.open("k").orElseThrow()) {
			assertThatThrownBy(in::readAllBytes).isInstanceOf(IOException.class)
				.hasMessageContaining("stored_blob_chunk:k:0")
				.hasMessageContaining("does not authenticate");
		}
	}

	@Test
	void chunksSwappedOrCutOffAreRefused() throws Exception {
		store.put("two", new ByteArrayInputStream(pdfLike(DatabaseBlobStore.CHUNK + 10)));
		store.put("other", new ByteArrayInputStream(pdfLike(10)));
		// another blob's chunk under this key: its context says otherwise
		byte[] foreign = jdbc.queryForObject("SELECT data FROM stored_blob_chunk WHERE blob_key = 'other'",
				byte[].class);
		byte[] own = jdbc.queryForObject("SELECT data FROM stored_blob_chunk WHERE blob_key = 'two' AND seq = 1",
				byte[].class);
		jdbc.update("UPDATE stored_blob_chunk SET data = ? WHERE blob_key = 'two' AND seq = 1", foreign);
		try (InputStream in = store.open("two").orElseThrow()) {
			assertThatThrownBy(in::readAllBytes).isInstanceOf(IOException.class)
				.hasMessageContaining("stored_blob_chunk:two:1");
		}
		// the last chunk left out and the count made to match: the content's hash says so
		jdbc.update("UPDATE stored_blob_chunk SET data = ? WHERE blob_key = 'two' AND seq = 1", own);
		jdbc.update("DELETE FROM stored_blob_chunk WHERE blob_key = 'two' AND seq = 1");
		jdbc.update("UPDATE stored_blob SET chunks = 1 WHERE blob_key = 'two'");
		try (InputStream in = store.open("two").orElseThrow()) {
			assertThatThrownBy(in::readAllBytes).isInstanceOf(IOException.class).hasMessageContaining("SHA-256");
		}
	}

	@Test
	void contentStoredBeforeEncryptionStillReads() throws Exception {
		var dataSource = jdbc.getDataSource();
		DatabaseBlobStore plain = new DatabaseBlobStore(jdbc,
				new TransactionTemplate(new DataSourceTransactionManager(dataSource)), Clock.systemUTC(),
				ContentEncryption.off(Map.of()));
		byte[] content = pdfLike(2000);
		plain.put("legacy", new ByteArrayInputStream(content));
		assertThat(
				jdbc.queryForObject("SELECT data_key FROM stored_blob_chunk WHERE blob_key = 'legacy'", String.class))
			.isNull();
		try (InputStream in = store.open("legacy").orElseThrow()) {
			assertThat(in.readAllBytes()).isEqualTo(content);
		}
	}

}
