package nl.postbrug.intake.mail;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The header block of a raw mail: where it ends, and the headers alone as a mail of their
 * own (for mail known only by its headers).
 */
final class HeaderBlock {

	/** At most this much of a mail is read when only its headers are wanted. */
	static final int MAX_BYTES = 65_536;

	private HeaderBlock() {
	}

	/**
	 * Offset just past the blank line that ends the header block, or the length if there
	 * is none.
	 */
	static int end(byte[] raw) {
		for (int i = 0; i < raw.length; i++) {
			if (raw[i] == '\n') {
				int next = i + 1;
				if (next < raw.length && raw[next] == '\n') {
					return next + 1;
				}
				if (next + 1 < raw.length && raw[next] == '\r' && raw[next + 1] == '\n') {
					return next + 2;
				}
			}
		}
		return raw.length;
	}

	/** The header block, at most {@code max} bytes of it. */
	static byte[] of(byte[] raw, int max) {
		return Arrays.copyOf(raw, Math.min(end(raw), max));
	}

	/**
	 * The headers from the first {@code MAX_BYTES} of a mail: the header block if it ends
	 * there, otherwise what was read without its last, partial line.
	 */
	static byte[] cut(byte[] head) {
		int end = end(head);
		if (end <= MAX_BYTES && (end < head.length || head.length < MAX_BYTES)) {
			return Arrays.copyOf(head, end);
		}
		int last = Math.min(head.length, MAX_BYTES);
		while (last > 0 && head[last - 1] != '\n') {
			last--;
		}
		return Arrays.copyOf(head, last);
	}

	/** The headers followed by an empty body, so that a MIME parser reads them. */
	static byte[] asMail(byte[] headers) {
		byte[] blank = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
		byte[] all = Arrays.copyOf(headers, headers.length + blank.length);
		System.arraycopy(blank, 0, all, headers.length, blank.length);
		return all;
	}

}
