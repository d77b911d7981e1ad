package nl.postbrug.audit.chain;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import nl.postbrug.Sha256;

/**
 * The byte strings the audit chain hashes. An event's hash is SHA-256 over its canonical
 * encoding, which includes the previous event's hash; that is what makes the log a chain.
 * <p>
 * Encoding 2 (current) is a sequence of netstrings, {@code <byte length>:<UTF-8
 * bytes>,}, one per field, with {@code ~} standing for an absent field: version tag
 * {@value #TAG}, previous hash, sequence number, time (UTC, always three fraction
 * digits), actor, action, object, result, origin channel, origin address, detail. Every
 * field says how long it is, so no content can be moved from one field to the next, and a
 * null is never the same as an empty text. The tag keeps a future encoding from ever
 * producing the bytes of this one.
 * <p>
 * Encoding 1 (legacy) joined the fields with newlines; a field holding a newline could
 * pass for two. It is kept only to verify events written before encoding 2 existed.
 */
public final class CanonicalEncoding {

	/** Fields joined by newlines; verified, never written. */
	public static final int LEGACY = 1;

	/** Length-prefixed fields with a version tag; every new event. */
	public static final int CURRENT = 2;

	public static final String TAG = "postbrug-audit/2";

	/** The hash of the event before the first. */
	public static final String GENESIS = "0".repeat(64);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
		.withZone(ZoneOffset.UTC);

	private CanonicalEncoding() {
	}

	/**
	 * The event's hash under its own encoding; throws for an encoding this version does
	 * not know.
	 */
	public static String hash(ChainEvent event) {
		return switch (event.encoding()) {
			case CURRENT -> Sha256.hex(encode(event));
			case LEGACY -> Sha256.hex(legacy(event));
			default -> throw new IllegalArgumentException("Unknown audit encoding " + event.encoding());
		};
	}

	/**
	 * Encoding 2 of an event (its own {@code encoding} and {@code hash} are not part of
	 * it).
	 */
	public static byte[] encode(ChainEvent event) {
		return netstrings(TAG, event.prevHash(), Long.toString(event.seq()), time(event.at()), event.actor(),
				event.action(), event.object(), event.result(), event.originChannel(), event.originAddress(),
				event.detail());
	}

	/**
	 * Netstrings of the given fields, {@code ~} for a null one; also what anchors sign.
	 */
	public static byte[] netstrings(String... fields) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (String field : fields) {
			if (field == null) {
				out.write('~');
				continue;
			}
			byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
			out.writeBytes(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
			out.write(':');
			out.writeBytes(bytes);
			out.write(',');
		}
		return out.toByteArray();
	}

	/** UTC to the millisecond, always with three fraction digits. */
	public static String time(Instant at) {
		return TIME.format(at);
	}

	private static String legacy(ChainEvent event) {
		return String.join("\n", event.prevHash(), Long.toString(event.seq()), event.at().toString(), event.actor(),
				event.action(), event.object(), event.detail() == null ? "" : event.detail());
	}

}
