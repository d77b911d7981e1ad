package nl.postbrug.storage.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import nl.postbrug.Sha256;
import nl.postbrug.storage.BlobStore;
import nl.postbrug.storage.ContentEncryption;
import nl.postbrug.storage.ContentUnreadable;
import nl.postbrug.storage.EncryptedColumn;
import nl.postbrug.storage.Sealed;
import nl.postbrug.storage.StorageFailed;
import nl.postbrug.storage.StoredBlob;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The default store: content in the application database (table {@code stored_blob},
 * migration V70), cut into chunks of {@value #CHUNK} bytes so that neither a put nor a
 * read holds more than one chunk in memory, on H2 and on PostgreSQL alike (a bytea column
 * is read whole by the driver). A put is one transaction: readers see the old content or
 * the new, never half.
 * <p>
 * Each chunk is encrypted on its own ({@link ContentEncryption}, context
 * {@code stored_blob_chunk:<key>:<seq>}), so the rotation job re-encrypts a large PDF one
 * chunk per row update and a reader meanwhile sees old or new ciphertext of the same
 * bytes. A reader checks the SHA-256 of the whole content at its end, so chunks cut off
 * or left out are noticed too.
 */
@Component
class DatabaseBlobStore implements BlobStore {

	static final int CHUNK = 1 << 20;

	/** The chunks' content column, re-encrypted by the rotation job. */
	static final EncryptedColumn CHUNKS = new EncryptedColumn("stored_blob_chunk", "stored_blob_chunk", "data",
			"data_key", false, List.of("blob_key", "seq"), List.of("blob_key", "seq"));

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final ContentEncryption encryption;

	DatabaseBlobStore(JdbcTemplate jdbc, TransactionTemplate transactions, Clock clock, ContentEncryption encryption) {
		this.jdbc = JdbcClient.create(jdbc);
		this.transactions = transactions;
		this.clock = clock;
		this.encryption = encryption;
	}

	@Override
	public StoredBlob put(String key, InputStream content) {
		requireKey(key);
		Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
		return transactions.execute(tx -> {
			jdbc.sql("DELETE FROM stored_blob_chunk WHERE blob_key = ?").param(key).update();
			jdbc.sql("DELETE FROM stored_blob WHERE blob_key = ?").param(key).update();
			jdbc.sql("INSERT INTO stored_blob (blob_key, size, sha256, chunks, stored_at) VALUES (?, 0, '', 0, ?)")
				.params(key, OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
				.update();
			MessageDigest sha256 = Sha256.digest();
			long size = 0;
			int chunks = 0;
			try {
				byte[] buffer = new byte[CHUNK];
				int filled;
				while ((filled = content.readNBytes(buffer, 0, CHUNK)) > 0) {
					byte[] chunk = filled == CHUNK ? buffer : java.util.Arrays.copyOf(buffer, filled);
					sha256.update(chunk, 0, filled);
					Sealed<byte[]> sealed = encryption.encrypt(chunk, CHUNKS.context(key, chunks));
					jdbc.sql("INSERT INTO stored_blob_chunk (blob_key, seq, data, data_key) VALUES (?, ?, ?, ?)")
						.params(key, chunks, sealed.value(), sealed.keyId())
						.update();
					size += filled;
					chunks++;
				}
			}
			catch (IOException ex) {
				throw new StorageFailed("Content for " + key + " could not be read", ex);
			}
			String hash = HexFormat.of().formatHex(sha256.digest());
			jdbc.sql("UPDATE stored_blob SET size = ?, sha256 = ?, chunks = ? WHERE blob_key = ?")
				.params(size, hash, chunks, key)
				.update();
			return new StoredBlob(key, size, hash, now);
		});
	}

	@Override
	public Optional<StoredBlob> find(String key) {
		return header(key).map(Header::blob);
	}

	@Override
	public Optional<InputStream> open(String key) {
		return header(key).map(header -> new ChunkStream(header.blob(), header.chunks()));
	}

	@Override
	public boolean delete(String key) {
		Integer deleted = transactions.execute(tx -> {
			jdbc.sql("DELETE FROM stored_blob_chunk WHERE blob_key = ?").param(key).update();
			return jdbc.sql("DELETE FROM stored_blob WHERE blob_key = ?").param(key).update();
		});
		return deleted != null && deleted > 0;
	}

	private record Header(StoredBlob blob, int chunks) {
	}

	private Optional<Header> header(String key) {
		return jdbc.sql("SELECT blob_key, size, sha256, stored_at, chunks FROM stored_blob WHERE blob_key = ?")
			.param(key)
			.query((rs,
					n) -> new Header(new StoredBlob(rs.getString(1), rs.getLong(2), rs.getString(3),
							rs.getObject(4, OffsetDateTime.class).toInstant()), rs.getInt(5)))
			.optional();
	}

	private static void requireKey(String key) {
		if (key == null || key.isBlank() || key.length() > 500) {
			throw new IllegalArgumentException("A storage key is 1 to 500 characters: '" + key + "'");
		}
	}

	/**
	 * Reads the chunks one query at a time, in order, and checks the whole content's
	 * SHA-256 at its end.
	 */
	private final class ChunkStream extends InputStream {

		private final StoredBlob blob;

		private final String key;

		private final int chunks;

		private final MessageDigest sha256 = Sha256.digest();

		private boolean checked;

		private int next;

		private byte[] current = new byte[0];

		private int position;

		ChunkStream(StoredBlob blob, int chunks) {
			this.blob = blob;
			this.key = blob.key();
			this.chunks = chunks;
		}

		@Override
		public int read() throws IOException {
			if (!fill()) {
				return -1;
			}
			return current[position++] & 0xff;
		}

		@Override
		public int read(byte[] into, int offset, int length) throws IOException {
			if (length == 0) {
				return 0;
			}
			if (!fill()) {
				return -1;
			}
			int count = Math.min(length, current.length - position);
			System.arraycopy(current, position, into, offset, count);
			position += count;
			return count;
		}

		private boolean fill() throws IOException {
			while (position >= current.length) {
				if (next >= chunks) {
					checkWhole();
					return false;
				}
				int seq = next;
				List<Sealed<byte[]>> found = jdbc
					.sql("SELECT data, data_key FROM stored_blob_chunk WHERE blob_key = ? AND seq = ?")
					.params(key, seq)
					.query((rs, n) -> new Sealed<>(rs.getBytes(1), rs.getString(2)))
					.list();
				if (found.isEmpty()) {
					throw new IOException("Chunk " + next + " of " + key + " is gone (replaced or deleted meanwhile)");
				}
				try {
					current = encryption.decrypt(found.get(0).value(), found.get(0).keyId(), CHUNKS.context(key, seq));
				}
				catch (ContentUnreadable ex) {
					throw new IOException(ex.getMessage(), ex);
				}
				sha256.update(current);
				position = 0;
				next++;
			}
			return true;
		}

		private void checkWhole() throws IOException {
			if (checked) {
				return;
			}
			if (!HexFormat.of().formatHex(sha256.digest()).equals(blob.sha256())) {
				throw new IOException("The content of " + key + " is not what was stored (SHA-256 differs): chunks "
						+ "were changed, cut off or replaced meanwhile");
			}
			checked = true;
		}

	}

}
