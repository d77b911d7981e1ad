package nl.postbrug.storage.jdbc;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Random;

import javax.sql.DataSource;

import nl.postbrug.Sha256;
import nl.postbrug.storage.ContentEncryption;
import nl.postbrug.storage.StoredBlob;
import nl.postbrug.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseBlobStoreTests {

	private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

	DatabaseBlobStore store;

	JdbcTemplate jdbc;

	DataSource dataSource() {
		return TestDatabase.migrated();
	}

	ContentEncryption encryption() {
		return ContentEncryption.off(Map.of());
	}

	@BeforeEach
	void store() {
		DataSource dataSource = dataSource();
		jdbc = new JdbcTemplate(dataSource);
		store = new DatabaseBlobStore(jdbc, new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
				Clock.fixed(T0, ZoneOffset.UTC), encryption());
	}

	@Test
	void givesBackLargeContentByteForByteInChunksOfBoundedSize() throws Exception {
		byte[] content = new byte[DatabaseBlobStore.CHUNK * 2 + 12345];
		new Random(7).nextBytes(content);

		StoredBlob stored = store.put("batch/PIA/batch-1.pdf", new ByteArrayInputStream(content));

		assertThat(stored.size()).isEqualTo(content.length);
		assertThat(stored.sha256()).isEqualTo(Sha256.hex(content));
		assertThat(stored.storedAt()).isEqualTo(T0);
		assertThat(store.find("batch/PIA/batch-1.pdf")).hasValue(stored);
		try (InputStream in = store.open("batch/PIA/batch-1.pdf").orElseThrow()) {
			assertThat(in.readAllBytes()).isEqualTo(content);
		}
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM stored_blob_chunk WHERE blob_key = ?", Integer.class,
				"batch/PIA/batch-1.pdf"))
			.isEqualTo(3);
		// a chunk's ciphertext adds its header, nonce and tag
		assertThat(jdbc.queryForObject("SELECT MAX(OCTET_LENGTH(data)) FROM stored_blob_chunk", Integer.class))
			.isLessThanOrEqualTo(DatabaseBlobStore.CHUNK + 100);
	}

	@Test
	void aPutUnderAnExistingKeyReplacesTheContentAndDeleteRemovesIt() throws Exception {
		store.put("k", new ByteArrayInputStream(new byte[DatabaseBlobStore.CHUNK + 1]));
		store.put("k", new ByteArrayInputStream("short".getBytes()));
		try (InputStream in = store.open("k").orElseThrow()) {
			assertThat(new String(in.readAllBytes())).isEqualTo("short");
		}

		assertThat(store.delete("k")).isTrue();
		assertThat(store.open("k")).isEmpty();
		assertThat(store.find("k")).isEmpty();
		assertThat(store.delete("k")).isFalse();
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM stored_blob_chunk WHERE blob_key = 'k'", Integer.class))
			.isZero();
	}

	@Test
	void emptyContentIsStoredAndReadAsEmpty() throws Exception {
		store.put("empty", new ByteArrayInputStream(new byte[0]));
		try (InputStream in = store.open("empty").orElseThrow()) {
			assertThat(in.read()).isEqualTo(-1);
		}
		assertThat(store.open("missing")).isEmpty();
	}

}
