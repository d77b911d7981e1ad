package nl.postbrug.audit.anchor;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import nl.postbrug.audit.chain.CanonicalEncoding;

/**
 * An anchor with its Ed25519 signature and the id of the key that made it, and its text
 * form: one {@code name=value} per line under the tag, the same in the anchor file and in
 * the application log.
 */
public record SignedAnchor(Anchor anchor, String keyId, byte[] signature) {

	private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

	/** The file's content; the log line is the same fields on one line. */
	public String text() {
		StringBuilder text = new StringBuilder(Anchor.TAG).append('\n');
		fields().forEach((name, value) -> text.append(name).append('=').append(value).append('\n'));
		return text.toString();
	}

	public String logLine() {
		StringBuilder line = new StringBuilder("Audit anchor");
		fields().forEach((name, value) -> line.append(' ').append(name).append('=').append(value));
		return line.toString();
	}

	private Map<String, String> fields() {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("seq", Long.toString(anchor.seq()));
		fields.put("hash", anchor.hash());
		fields.put("at", CanonicalEncoding.time(anchor.at()));
		fields.put("key", keyId);
		fields.put("signature", Base64.getEncoder().encodeToString(signature));
		return fields;
	}

	/**
	 * Reads an anchor file; throws {@link IllegalArgumentException} saying what is wrong.
	 */
	public static SignedAnchor parse(String text) {
		String[] lines = text.split("\n", -1);
		if (lines.length < 1 || !lines[0].strip().equals(Anchor.TAG)) {
			throw new IllegalArgumentException("does not start with " + Anchor.TAG);
		}
		Map<String, String> fields = new LinkedHashMap<>();
		for (int i = 1; i < lines.length; i++) {
			String line = lines[i].strip();
			if (line.isEmpty()) {
				continue;
			}
			int equals = line.indexOf('=');
			if (equals < 1 || fields.put(line.substring(0, equals), line.substring(equals + 1)) != null) {
				throw new IllegalArgumentException("line " + (i + 1) + " is not a single name=value");
			}
		}
		try {
			long seq = Long.parseLong(required(fields, "seq"));
			String hash = required(fields, "hash");
			if (seq < 0 || !HASH.matcher(hash).matches()) {
				throw new IllegalArgumentException("seq or hash out of form");
			}
			return new SignedAnchor(new Anchor(seq, hash, Instant.parse(required(fields, "at"))),
					required(fields, "key"), Base64.getDecoder().decode(required(fields, "signature")));
		}
		catch (DateTimeParseException | NumberFormatException ex) {
			throw new IllegalArgumentException(ex.getMessage(), ex);
		}
	}

	private static String required(Map<String, String> fields, String name) {
		String value = fields.get(name);
		if (value == null || value.isEmpty()) {
			throw new IllegalArgumentException("no " + name);
		}
		return value;
	}

}
