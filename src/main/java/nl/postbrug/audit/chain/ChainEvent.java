package nl.postbrug.audit.chain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * One stored audit event with every field its hash covers, as the chain holds it.
 *
 * @param seq the event's place in the chain, from 1 without gaps
 * @param action what was done ({@code MESSAGE_APPROVED}, {@code BATCH_PRINTED}, …);
 * stored in column {@code type}
 * @param object what it was done to ({@code message:<id>}, {@code batch:<id>}); stored in
 * column {@code subject}
 * @param result {@code SUCCESS}, {@code FAILURE} or {@code REFUSED}; {@code null} for
 * events written before results were recorded
 * @param originChannel {@code web}, {@code api}, {@code imap}, {@code drop-folder} or
 * {@code system}; {@code null} for events written before origins were recorded
 * @param originAddress the client's network address for web and API requests
 * @param encoding which canonical encoding the hash was computed over
 * ({@link CanonicalEncoding#LEGACY} or {@link CanonicalEncoding#CURRENT})
 */
public record ChainEvent(long seq, Instant at, String actor, String action, String object, String result,
		String originChannel, String originAddress, String detail, int encoding, String prevHash, String hash) {

	/** Every column of {@code audit_event}; {@link #read(ResultSet)} maps a row of it. */
	public static final String SELECT = """
			SELECT seq, at, actor, type, subject, result, origin_channel, origin_address, detail, encoding,
			    prev_hash, hash FROM audit_event""";

	public static ChainEvent read(ResultSet rs) throws SQLException {
		return new ChainEvent(rs.getLong("seq"), rs.getObject("at", OffsetDateTime.class).toInstant(),
				rs.getString("actor"), rs.getString("type"), rs.getString("subject"), rs.getString("result"),
				rs.getString("origin_channel"), rs.getString("origin_address"), rs.getString("detail"),
				rs.getInt("encoding"), rs.getString("prev_hash"), rs.getString("hash"));
	}

	/** The same event carrying its hash, computed over its fields and encoding. */
	public ChainEvent hashed() {
		return new ChainEvent(seq, at, actor, action, object, result, originChannel, originAddress, detail, encoding,
				prevHash, CanonicalEncoding.hash(this));
	}

}
