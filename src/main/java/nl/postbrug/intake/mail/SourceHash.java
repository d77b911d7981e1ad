package nl.postbrug.intake.mail;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;

import nl.postbrug.Sha256;

/**
 * The SHA-256 a mail is recognised by when it comes again: of the mail without the fields
 * each delivery adds (Received, Return-Path, Delivered-To, Authentication-Results, ARC
 * seals) and with line ends normalised. The same mail delivered twice, or once by IMAP
 * and once through the drop folder, has the same hash.
 */
final class SourceHash {

	private static final Set<String> TRACE_FIELDS = Set.of("received", "return-path", "delivered-to", "x-original-to",
			"authentication-results", "received-spf", "x-received", "x-envelope-from", "x-envelope-to");

	private SourceHash() {
	}

	static String of(byte[] raw) {
		MessageDigest digest = Sha256.digest();
		int end = HeaderBlock.end(raw);
		int start = 0;
		boolean keep = true;
		for (int i = 0; i <= end && start < end; i++) {
			if (i == end || raw[i] == '\n') {
				int lineEnd = Math.min(i + 1, end);
				boolean continuation = raw[start] == ' ' || raw[start] == '\t';
				if (!continuation) {
					int colon = start;
					while (colon < lineEnd && raw[colon] != ':') {
						colon++;
					}
					String field = new String(raw, start, colon - start, StandardCharsets.ISO_8859_1).strip()
						.toLowerCase(Locale.ROOT);
					keep = !TRACE_FIELDS.contains(field) && !field.startsWith("arc-");
				}
				if (keep) {
					digestNormalised(digest, raw, start, lineEnd);
				}
				start = i + 1;
			}
		}
		digestNormalised(digest, raw, end, raw.length);
		return HexFormat.of().formatHex(digest.digest());
	}

	/**
	 * The hash of a mail known only by its headers and size (over the limit, never
	 * downloaded): distinct from the hash of the same bytes as a whole mail.
	 */
	static String ofOversize(byte[] headers, long size) {
		return Sha256.hex(("oversize " + size + "\n" + of(headers)).getBytes(StandardCharsets.UTF_8));
	}

	private static void digestNormalised(MessageDigest digest, byte[] raw, int from, int to) {
		int run = from;
		for (int i = from; i < to; i++) {
			if (raw[i] == '\r' && i + 1 < to && raw[i + 1] == '\n') {
				digest.update(raw, run, i - run);
				run = i + 1;
			}
		}
		digest.update(raw, run, to - run);
	}

}
